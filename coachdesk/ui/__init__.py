"""The Qt user interface: widgets, dialogs and item models. It calls the services and owns nothing else."""
