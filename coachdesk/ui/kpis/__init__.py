"""The KPIs screen: definitions, importing values, the team spread and whether coaching moved the numbers."""
