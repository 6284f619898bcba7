"""Names, sites, roles and skills, mixed as a UK workforce is so lists and search look like a real notebook's."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class _NamePool:
    given: tuple[str, ...]
    family: tuple[str, ...]
    weight: int
    family_first: bool = False

    @classmethod
    def of(cls, given: str, family: str, weight: int, *, family_first: bool = False) -> _NamePool:
        return cls(tuple(given.split(", ")), tuple(family.split(", ")), weight, family_first)


NAME_POOLS = (
    _NamePool.of(
        "Oliver, Amelia, Jack, Isla, Siobhan, Callum, Niamh, Rhys, Bethan, Hannah, George, Megan, Ciarán, Aoife, "
        "Declan, Eilidh, Gareth, Shannon, Kieran, Lauren, Zoë, Siân, Dafydd, Chloe, Liam, Jade, Ross, Kirsty",
        "Walsh, Hughes, Thompson, Evans, McAllister, O'Neill, Campbell, Davies, Murphy, Fraser, Price, Morgan, "
        "Robertson, Doyle, Jenkins, Barker, Gallagher, Pritchard",
        30,
    ),
    _NamePool.of(
        "Priya, Arjun, Aisha, Imran, Sanjay, Anjali, Harpreet, Rohan, Fatima, Zainab, Bilal, Nadia, Kiran, Deepak, "
        "Sunita, Ravi, Mohammed, Amir",
        "Patel, Sharma, Khan, Begum, Singh, Chaudhry, Hussain, Iyer, Gill, Rahman, Raman",
        14,
    ),
    _NamePool.of(
        "Lucía, Álvaro, Inés, José, Joaquín, Sofía, Martín, Ángela, Raúl, Nuria, Iñigo",
        "Álvarez, García, Muñoz, Peña, Fernández, Ibáñez, Ortega, Núñez, Gutiérrez, Ruiz",
        6,
    ),
    _NamePool.of(
        "Søren, Åsa, Bjørn, Sigrún, Ingrid, Mikael, Freja, Mads, Linnéa, Jónas, Astrid",
        "Dahl, Ødegaard, Lindqvist, Holm, Berg, Sørensen, Nyström, Halvorsen, Åberg",
        4,
    ),
    _NamePool.of(
        "Thị Lan, Văn Minh, Thu Hà, Quốc Bảo, Minh Anh, Đức Huy, Thanh Hương, Hoàng Nam, Ngọc Ánh",
        "Nguyễn, Trần, Lê, Phạm, Hoàng, Võ, Đặng, Bùi",
        4,
        family_first=True,
    ),
    _NamePool.of(
        "Wei, Jing, Hao, Xiaoling, Yuxin, Zhen, Mei, Junjie, Lingyun", "Chen, Zhang, Wang, Liu, Huang, Zhou, Xu, Lin", 5
    ),
    _NamePool.of(
        "Łukasz, Agnieszka, Zofia, Małgorzata, Piotr, Jakub, Katarzyna, Paweł, Wojciech, Ewa",
        "Nowak, Wójcik, Kaczmarek, Mazur, Krawczyk, Dudek, Zając, Król",
        7,
    ),
    _NamePool.of(
        "Chidi, Adaeze, Kwame, Ama, Oluwaseun, Folake, Tunde, Yaw, Ngozi, Efua, Chukwuemeka",
        "Okafor, Mensah, Adeyemi, Boateng, Nwosu, Asante, Owusu, Okonkwo, Adebayo",
        8,
    ),
    _NamePool.of(
        "Elif, Emre, Zeynep, Murat, Ayşe, Çağrı, Gökhan, Şule", "Yılmaz, Şahin, Öztürk, Çelik, Aydın, Doğan, Kaya", 4
    ),
    _NamePool.of(
        "Yousef, Layla, Omar, Rania, Karim, Noor, Samir, Hana, Tariq",
        "Haddad, Mansour, Al-Sayed, Nasser, Khalil, Saleh, Farouk",
        5,
    ),
    _NamePool.of(
        "Chloé, Loïc, Hélène, Jürgen, Mathilde, Thibault, Anneke, Renée, Jörg, Zoë",
        "Müller, Lefèvre, Girard, Schäfer, Brandt, de Vries, Janssen, Dubois, Köhler",
        5,
    ),
    _NamePool.of(
        "Yuki, Kenji, Aiko, Haruto, Sakura, Min-jun, Ji-woo, Seo-yeon",
        "Tanaka, Watanabe, Suzuki, Sato, Kim, Park, Choi",
        3,
    ),
    _NamePool.of(
        "Eleni, Nikos, Dimitra, Giorgos, Katerina, João, Gonçalo, Beatriz, Conceição",
        "Papadopoulos, Georgiou, Antoniou, Gonçalves, Araújo, Magalhães",
        4,
    ),
)

CONTACT_CENTRES = ("Leeds", "Glasgow", "Cardiff", "Belfast", "Sunderland")
CONTACT_CENTRE_FUNCTIONS = (
    ("Billing", "Billing advisor"),
    ("Retentions", "Retentions advisor"),
    ("Technical support", "Technical support advisor"),
    ("Broadband sales", "Sales advisor"),
    ("Complaints", "Complaints handler"),
    ("Moves and changes", "Customer service advisor"),
    ("Collections", "Collections advisor"),
    ("Customer care", "Customer service advisor"),
    ("Web chat", "Web chat advisor"),
    ("Onboarding", "Customer service advisor"),
)
FIELD_REGIONS = (
    ("North", ("Yorkshire", "Tyneside", "Cumbria", "Humberside")),
    ("Midlands", ("Birmingham", "Nottingham", "Leicester", "Coventry")),
    ("South West", ("Bristol", "Devon", "Cornwall", "Somerset")),
    ("Scotland", ("Edinburgh", "Fife", "Highlands", "Ayrshire")),
)
FIELD_ROLES = ("Field sales representative", "Field service engineer")

PERSON_NOTES = (
    "Prefers feedback in writing first, then a conversation.",
    "Works compressed hours: off every other Friday.",
    "Dyslexic; the note templates help. Give extra time on written tests.",
    "Keen to move into training in the next year.",
    "Returned from parental leave this year; phased return agreed.",
    "Union rep for the site.",
)

SKILLS = (
    "Empathy",
    "Call control",
    "De-escalation",
    "Product knowledge",
    "Objection handling",
    "Schedule adherence",
    "System navigation",
    "Coaching others",
    "Route planning",
    "Written communication",
    "Resilience",
    "Confidence",
    "Leadership",
    "Working across teams",
)
