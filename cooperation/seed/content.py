"""The content of the city's cooperation page, as structured data in Spanish and English.

The English comes from the city's English page; the Spanish is the city's own language.
Each item has a stable ``key`` (an SDG its number): the loader (``seed/loader.py``, run by
``manage.py load_seed``) creates an item once and never touches it again (see
``SeedRecord``).

Every record names its fields, most of them after the model fields they fill. Besides
those, a program or project names its ``program``, ``parent`` or ``network`` by key, its
``themes`` by key and ``sdgs`` by number, and lists its rows:

- ``participations``: ``partner`` (a partner's key), ``role``, ``note_es``, ``note_en``;
- ``milestones`` and ``documents``: ``date`` (ISO 8601, the first day of a month or year
  known only that far, or None), ``date_precision``, ``title_es``, ``title_en``.

A network names its ``organization`` by the partner's key.

Nothing here goes beyond the page: where it gives no date, website or figure, the field
stays empty for staff to fill in. Themes and SDG tags are editorial classifications of
what the page describes.
"""

from decimal import Decimal

# The page everything below comes from, cited by every program, project, partner and network.
# Its address is not given with the copy of the page the portal was seeded from, so it stays
# empty for staff to fill in (never guessed); so does the day it was consulted.
SOURCE = {
    "title_es": "Cooperación internacional - Municipalidad de Rosario",
    "title_en": "International cooperation - City of Rosario",
    "url": "",
    "consulted_on": None,
}

SDGS = [
    {"number": 1, "name_es": "Fin de la pobreza", "name_en": "No Poverty"},
    {"number": 2, "name_es": "Hambre cero", "name_en": "Zero Hunger"},
    {"number": 3, "name_es": "Salud y bienestar", "name_en": "Good Health and Well-being"},
    {"number": 4, "name_es": "Educación de calidad", "name_en": "Quality Education"},
    {"number": 5, "name_es": "Igualdad de género", "name_en": "Gender Equality"},
    {"number": 6, "name_es": "Agua limpia y saneamiento", "name_en": "Clean Water and Sanitation"},
    {
        "number": 7,
        "name_es": "Energía asequible y no contaminante",
        "name_en": "Affordable and Clean Energy",
    },
    {
        "number": 8,
        "name_es": "Trabajo decente y crecimiento económico",
        "name_en": "Decent Work and Economic Growth",
    },
    {
        "number": 9,
        "name_es": "Industria, innovación e infraestructura",
        "name_en": "Industry, Innovation and Infrastructure",
    },
    {"number": 10, "name_es": "Reducción de las desigualdades", "name_en": "Reduced Inequalities"},
    {
        "number": 11,
        "name_es": "Ciudades y comunidades sostenibles",
        "name_en": "Sustainable Cities and Communities",
    },
    {
        "number": 12,
        "name_es": "Producción y consumo responsables",
        "name_en": "Responsible Consumption and Production",
    },
    {"number": 13, "name_es": "Acción por el clima", "name_en": "Climate Action"},
    {"number": 14, "name_es": "Vida submarina", "name_en": "Life Below Water"},
    {"number": 15, "name_es": "Vida de ecosistemas terrestres", "name_en": "Life on Land"},
    {
        "number": 16,
        "name_es": "Paz, justicia e instituciones sólidas",
        "name_en": "Peace, Justice and Strong Institutions",
    },
    {
        "number": 17,
        "name_es": "Alianzas para lograr los objetivos",
        "name_en": "Partnerships for the Goals",
    },
]

SECTION = {
    "title_es": "Cooperación internacional",
    "title_en": "International cooperation",
    "introduction_es": (
        "La ciudad trabaja de manera constante para identificar actores internacionales que "
        "compartan sus mismos intereses y experiencias, con el fin de intercambiar "
        "conocimientos, obtener nuevos recursos y construir una hoja de ruta para la "
        "cooperación internacional."
    ),
    "introduction_en": (
        "The city constantly works to identify international actors that share the same "
        "interests and experiences, with the purpose of exchanging knowledge and obtaining "
        "new resources, and building a road map for international cooperation."
    ),
    "ways_heading_es": "La ciudad colabora frecuentemente con:",
    "ways_heading_en": "The city frequently collaborates with:",
    "meta_description_es": (
        "Con quién coopera Rosario en el mundo: redes de ciudades, organismos internacionales "
        "y agencias de cooperación; sus programas, proyectos, socios e hitos."
    ),
    "meta_description_en": (
        "Who Rosario cooperates with around the world: networks of cities, international "
        "organizations and cooperation agencies; their programs, projects, partners and "
        "milestones."
    ),
}

WAYS = [
    {
        "key": "decentralized",
        "order": 1,
        "title_es": "Gobiernos locales y regionales de otros países",
        "title_en": "Local and regional governments from foreign countries",
        "description_es": (
            "A través de la cooperación descentralizada, con acuerdos bilaterales o "
            "multilaterales (por medio de redes de ciudades)."
        ),
        "description_en": (
            "Through decentralized cooperation, engaging in bilateral or multilateral "
            "agreements (by way of networks of cities)."
        ),
    },
    {
        "key": "international",
        "order": 2,
        "title_es": "Organismos internacionales",
        "title_en": "International organizations",
        "description_es": "",
        "description_en": "",
    },
    {
        "key": "national",
        "order": 3,
        "title_es": "Gobiernos nacionales",
        "title_en": "National governments",
        "description_es": "A través de agencias de cooperación o embajadas.",
        "description_en": "Through cooperation agencies or embassies.",
    },
]

CONTACT = {
    "whatsapp_message_es": (
        "Hola, les escribo desde la página «{page}» del portal de Cooperación Internacional "
        "de Rosario."
    ),
    "whatsapp_message_en": (
        "Hello, I am writing from the page “{page}” of Rosario's International Cooperation portal."
    ),
}

THEMES = [
    {
        "key": "climate",
        "name_es": "Cambio climático",
        "slug_es": "cambio-climatico",
        "name_en": "Climate change",
        "slug_en": "climate-change",
    },
    {
        "key": "urban",
        "name_es": "Planificación urbana",
        "slug_es": "planificacion-urbana",
        "name_en": "Urban planning",
        "slug_en": "urban-planning",
    },
    {
        "key": "waste",
        "name_es": "Gestión de residuos",
        "slug_es": "gestion-de-residuos",
        "name_en": "Waste management",
        "slug_en": "waste-management",
    },
    {
        "key": "energy",
        "name_es": "Energías renovables",
        "slug_es": "energias-renovables",
        "name_en": "Renewable energy",
        "slug_en": "renewable-energy",
    },
    {
        "key": "logistics",
        "name_es": "Logística urbana baja en carbono",
        "slug_es": "logistica-urbana-baja-en-carbono",
        "name_en": "Low-carbon urban logistics",
        "slug_en": "low-carbon-urban-logistics",
    },
    {
        "key": "inclusion",
        "name_es": "Inclusión social y laboral",
        "slug_es": "inclusion-social-y-laboral",
        "name_en": "Social and labor inclusion",
        "slug_en": "social-and-labor-inclusion",
    },
    {
        "key": "responsibility",
        "name_es": "Desarrollo sostenible y responsabilidad social",
        "slug_es": "desarrollo-sostenible-y-responsabilidad-social",
        "name_en": "Sustainable development and social responsibility",
        "slug_en": "sustainable-development-and-social-responsibility",
    },
    {
        "key": "risk",
        "name_es": "Gestión de riesgos",
        "slug_es": "gestion-de-riesgos",
        "name_en": "Risk management",
        "slug_en": "risk-management",
    },
    {
        "key": "capacity",
        "name_es": "Capacitación y fortalecimiento institucional",
        "slug_es": "capacitacion-y-fortalecimiento-institucional",
        "name_en": "Training and institutional strengthening",
        "slug_en": "training-and-institutional-strengthening",
    },
]

# key, kind, name (es, en), acronym (es, en), slug (es, en), country (es, en), description.
# A place (city and coordinates, for the map) only where the page names the place itself:
# the partner cities, and the university of Rosario. Other organizations' seats stay empty.
PARTNERS = [
    {
        "key": "un-global-compact",
        "kind": "international",
        "name_es": "Pacto Global de las Naciones Unidas",
        "name_en": "United Nations Global Compact",
        "acronym_es": "",
        "acronym_en": "",
        "slug_es": "pacto-global-de-las-naciones-unidas",
        "slug_en": "united-nations-global-compact",
        "description_es": (
            "Iniciativa de las Naciones Unidas que busca que líderes empresariales, "
            "organizaciones sindicales, organizaciones de la sociedad civil y gobiernos se "
            "comprometan con los Diez Principios universales en materia de derechos humanos, "
            "trabajo, medio ambiente y lucha contra la corrupción."
        ),
        "description_en": (
            "United Nations initiative that seeks to make business leaders, labor "
            "organizations, civil society organizations and governments commit to the Ten "
            "Universal Principles in the areas of human rights, labor, environment and "
            "anti-corruption."
        ),
    },
    {
        "key": "argentine-global-compact-network",
        "kind": "business_network",
        "source": (
            "seed: 'the country's largest corporate social responsibility initiative, with over "
            "800 participants' (participants: companies and organizations)"
        ),
        "was": {"kind": "network"},
        "name_es": "Red Argentina del Pacto Global",
        "name_en": "Argentine Network for the Global Compact",
        "slug_es": "red-argentina-del-pacto-global",
        "slug_en": "argentine-network-for-the-global-compact",
        "country_es": "Argentina",
        "country_en": "Argentina",
        "description_es": (
            "Es la iniciativa de responsabilidad social empresaria más grande del país, con "
            "más de 800 participantes de 20 provincias. 47 empresas de nuestra ciudad forman "
            "parte de ella."
        ),
        "description_en": (
            "The country's largest corporate social responsibility initiative, with over 800 "
            "participants from 20 provinces. 47 companies from our city are a part of it."
        ),
    },
    {
        "key": "mercocities",
        "kind": "network",
        "name_es": "Mercociudades",
        "name_en": "Mercocities",
        "slug_es": "mercociudades",
        "slug_en": "mercocities",
        "description_es": "Red de gobiernos locales de América del Sur.",
        "description_en": "Network of local governments of South America.",
    },
    {
        "key": "metropolis",
        "kind": "network",
        "name_es": "Metropolis",
        "name_en": "Metropolis",
        "slug_es": "metropolis",
        "slug_en": "metropolis",
        "description_es": "Red mundial de grandes ciudades y áreas metropolitanas.",
        "description_en": "Global network of major cities and metropolitan areas.",
    },
    {
        "key": "iclei",
        "kind": "network",
        "name_es": "ICLEI – Gobiernos Locales por la Sustentabilidad",
        "name_en": "ICLEI – Local Governments for Sustainability",
        "acronym_es": "ICLEI",
        "acronym_en": "ICLEI",
        "slug_es": "iclei",
        "slug_en": "iclei",
    },
    {
        "key": "global-covenant-of-mayors",
        "kind": "network",
        "name_es": "Pacto Global de Intendentes por el Clima y la Energía",
        "name_en": "Global Covenant of Mayors for Climate & Energy",
        "slug_es": "pacto-global-de-intendentes-por-el-clima-y-la-energia",
        "slug_en": "global-covenant-of-mayors-for-climate-and-energy",
        "description_es": (
            "Alianza de ciudades a la que adhiere Rosario como instrumento para cumplir con el "
            "Acuerdo de París."
        ),
        "description_en": (
            "Alliance of cities that Rosario adhered to as an instrument to comply with the "
            "Paris Agreement."
        ),
    },
    {
        "key": "european-union",
        "kind": "international",
        "name_es": "Unión Europea",
        "name_en": "European Union",
        "acronym_es": "UE",
        "acronym_en": "EU",
        "slug_es": "union-europea",
        "slug_en": "european-union",
    },
    {
        "key": "european-commission",
        "kind": "international",
        "name_es": "Comisión Europea",
        "name_en": "European Commission",
        "slug_es": "comision-europea",
        "slug_en": "european-commission",
    },
    {
        "key": "bmu",
        "kind": "national",
        "name_es": (
            "Ministerio Federal de Medio Ambiente, Protección de la Naturaleza y Seguridad "
            "Nuclear de Alemania"
        ),
        "name_en": (
            "Federal Ministry for the Environment, Nature Conservation and Nuclear Safety "
            "of Germany"
        ),
        "acronym_es": "BMU",
        "acronym_en": "BMU",
        "slug_es": "bmu-alemania",
        "slug_en": "bmu-germany",
        "country_es": "Alemania",
        "country_en": "Germany",
    },
    {
        "key": "iki",
        "kind": "funding_program",
        "source": (
            "seed: 'supported by Germany's Federal Ministry (BMU) through the International "
            "Climate Initiative (IKI)'"
        ),
        "was": {"kind": "national"},
        "name_es": "Iniciativa Internacional de Protección del Clima",
        "name_en": "International Climate Initiative",
        "acronym_es": "IKI",
        "acronym_en": "IKI",
        "slug_es": "iniciativa-internacional-de-proteccion-del-clima",
        "slug_en": "international-climate-initiative",
        "country_es": "Alemania",
        "country_en": "Germany",
        "description_es": (
            "Iniciativa a través de la cual el Ministerio Federal de Medio Ambiente de "
            "Alemania (BMU) apoya proyectos de protección del clima."
        ),
        "description_en": (
            "Initiative through which Germany's Federal Ministry for the Environment (BMU) "
            "supports climate projects."
        ),
    },
    {
        "key": "jica",
        "kind": "agency",
        "source": "seed: 'Japan International Cooperation Agency (JICA)'",
        "was": {"kind": "national"},
        "name_es": "Agencia de Cooperación Internacional del Japón",
        "name_en": "Japan International Cooperation Agency",
        "acronym_es": "JICA",
        "acronym_en": "JICA",
        "slug_es": "jica",
        "slug_en": "jica",
        "country_es": "Japón",
        "country_en": "Japan",
    },
    {
        "key": "fundacion-sol-naciente",
        "kind": "foundation",
        "name_es": "Fundación Sol Naciente",
        "name_en": "Fundación Sol Naciente",
        "slug_es": "fundacion-sol-naciente",
        "slug_en": "fundacion-sol-naciente",
        "country_es": "Argentina",
        "country_en": "Argentina",
        "source": (
            "seed: 'TRAMA ... that has the Fundación Sol Naciente as primary requester ... in the "
            "city of Rosario' (an organization of Rosario)"
        ),
        "was": {"country_es": "", "country_en": ""},
    },
    {
        "key": "unr",
        "kind": "university",
        "name_es": "Universidad Nacional de Rosario",
        "name_en": "National University of Rosario",
        "acronym_es": "UNR",
        "acronym_en": "UNR",
        "slug_es": "universidad-nacional-de-rosario",
        "slug_en": "national-university-of-rosario",
        "country_es": "Argentina",
        "country_en": "Argentina",
        "city_es": "Rosario",
        "city_en": "Rosario",
        "latitude": Decimal("-32.9468"),
        "longitude": Decimal("-60.6393"),
    },
    {
        "key": "turin",
        "kind": "city",
        "name_es": "Turín",
        "name_en": "Turin",
        "slug_es": "turin",
        "slug_en": "turin",
        "country_es": "Italia",
        "country_en": "Italy",
        "city_es": "Turín",
        "city_en": "Turin",
        "latitude": Decimal("45.0703"),
        "longitude": Decimal("7.6869"),
    },
    {
        "key": "rio-de-janeiro",
        "kind": "city",
        "name_es": "Río de Janeiro",
        "name_en": "Rio de Janeiro",
        "slug_es": "rio-de-janeiro",
        "slug_en": "rio-de-janeiro",
        "country_es": "Brasil",
        "country_en": "Brazil",
        "city_es": "Río de Janeiro",
        "city_en": "Rio de Janeiro",
        "latitude": Decimal("-22.9068"),
        "longitude": Decimal("-43.1729"),
    },
    {
        "key": "belo-horizonte",
        "kind": "city",
        "name_es": "Belo Horizonte",
        "name_en": "Belo Horizonte",
        "slug_es": "belo-horizonte",
        "slug_en": "belo-horizonte",
        "country_es": "Brasil",
        "country_en": "Brazil",
        "city_es": "Belo Horizonte",
        "city_en": "Belo Horizonte",
        "latitude": Decimal("-19.9167"),
        "longitude": Decimal("-43.9345"),
    },
    {
        "key": "santa-fe",
        "kind": "city",
        "name_es": "Santa Fe",
        "name_en": "Santa Fe",
        "slug_es": "santa-fe",
        "slug_en": "santa-fe",
        "country_es": "Argentina",
        "country_en": "Argentina",
        "city_es": "Santa Fe",
        "city_en": "Santa Fe",
        "latitude": Decimal("-31.6333"),
        "longitude": Decimal("-60.7000"),
    },
]

# Rosario's membership of the networks and initiatives it belongs to.
NETWORKS = [
    {
        "key": "argentine-global-compact-network",
        "organization": "argentine-global-compact-network",
        "slug_es": "red-argentina-del-pacto-global",
        "slug_en": "argentine-network-for-the-global-compact",
        "rosario_role_es": "Participante: la Municipalidad de Rosario adhiere al Pacto Global",
        "rosario_role_en": "Participant: the Municipality of Rosario has joined the Global Compact",
        "member_since": "2015-12-01",
        "member_since_precision": "month",
        "source": "seed: 'The Municipality of Rosario joined in December 2015'",
    },
    {
        "key": "mercocities",
        "organization": "mercocities",
        "slug_es": "mercociudades",
        "slug_en": "mercocities",
        "rosario_role_es": "Coordina un proyecto del Programa de Cooperación Sur-Sur",
        "rosario_role_en": "Coordinates a project of the South-South Cooperation Program",
        "source": (
            "seed: 'In 2018, Rosario was selected to coordinate the project \"Urban Heat "
            "Islands...\"' (under the program); membership is not stated"
        ),
        "was": {"rosario_role_es": "Ciudad miembro", "rosario_role_en": "Member city"},
    },
    {
        "key": "metropolis",
        "organization": "metropolis",
        "slug_es": "metropolis",
        "slug_en": "metropolis",
        "rosario_role_es": "Su propuesta fue seleccionada en la convocatoria de proyectos piloto",
        "rosario_role_en": "Its proposal was selected in the pilot projects call",
        "source": (
            "seed: 'the proposal presented and led by the city of Rosario ... has been selected "
            "for funding and implementation'; membership is not stated"
        ),
        "was": {"rosario_role_es": "Ciudad miembro", "rosario_role_en": "Member city"},
    },
    {
        "key": "iclei",
        "organization": "iclei",
        "slug_es": "iclei",
        "slug_en": "iclei",
        "rosario_role_es": "Participa en dos proyectos",
        "rosario_role_en": "Takes part in two projects",
        "source": (
            "seed: 'Rosario is part of two ICLEI (Local Governments for Sustainability) projects';"
            " membership is not stated"
        ),
        "was": {
            "rosario_role_es": "Ciudad miembro; participa en dos proyectos",
            "rosario_role_en": "Member city; takes part in two projects",
        },
    },
    {
        "key": "global-covenant-of-mayors",
        "organization": "global-covenant-of-mayors",
        "slug_es": "pacto-global-de-intendentes",
        "slug_en": "global-covenant-of-mayors",
        "rosario_role_es": "Ciudad adherente",
        "rosario_role_en": "Signatory city",
        "source": (
            "seed: 'the Global Covenant of Mayors for Climate & Energy, that Rosario adhered to'"
        ),
    },
]

PROGRAMS = [
    {
        "key": "global-compact",
        "network": "argentine-global-compact-network",
        "title_es": "Pacto Global",
        "title_en": "Global Compact",
        "slug_es": "pacto-global",
        "slug_en": "global-compact",
        "summary_es": (
            "Rosario adhiere desde diciembre de 2015 a la iniciativa de las Naciones Unidas "
            "por los Diez Principios universales y alinea su plan de gobierno con los 17 "
            "Objetivos de Desarrollo Sostenible."
        ),
        "summary_en": (
            "Since December 2015 Rosario has been part of the United Nations initiative for "
            "the Ten Universal Principles, and aligns its government plan with the 17 "
            "Sustainable Development Goals."
        ),
        "body_es": (
            "El Pacto Global de las Naciones Unidas es una iniciativa que busca que líderes "
            "empresariales, organizaciones sindicales, organizaciones de la sociedad civil y "
            "gobiernos se comprometan con los Diez Principios universales en materia de "
            "derechos humanos, trabajo, medio ambiente y lucha contra la corrupción. Con esta "
            "agenda, el Pacto Global busca aportar soluciones de largo plazo a los mayores "
            "desafíos del planeta con horizonte en 2030, el plazo que fijó la Asamblea "
            "General de las Naciones Unidas en septiembre de 2015 para el cumplimiento de los "
            "Objetivos de Desarrollo Sostenible.\n\n"
            "La Red Argentina del Pacto Global es la iniciativa de responsabilidad social "
            "empresaria más grande del país, con más de 800 participantes de 20 provincias. "
            "47 empresas de nuestra ciudad forman parte de ella.\n\n"
            "La Municipalidad de Rosario adhirió en diciembre de 2015 y presentó en tiempo y "
            "forma su primer informe de compromiso, correspondiente al período 2015-2017.\n\n"
            "En 2020, durante la gestión del intendente Pablo Javkin, el eje pasó a la "
            "Jefatura de Gabinete, para darles a las políticas públicas una mirada "
            "transversal, integrar las distintas áreas de la gestión local y alinear el plan "
            "de gobierno de la ciudad con los Diez Principios del Pacto Global y con los 17 "
            "ODS de la Agenda 2030 de las Naciones Unidas.\n\n"
            "En octubre de 2021, la Municipalidad presentó su segunda Comunicación sobre el "
            "Involucramiento (COE), correspondiente al período 2017-2020, y ratificó así su "
            "compromiso con la iniciativa."
        ),
        "body_en": (
            "United Nations' Global Compact is an initiative that has the purpose of making "
            "business leaders, labor organizations, civil society organizations, and "
            "governments commit to the Ten Universal Principles in the areas of human "
            "rights, labor, environment, and anti-corruption. With this agenda, the Global "
            "Compact seeks to provide long-term solutions to the planet's greatest challenges "
            "with a 2030 horizon; the term set forth in September 2015 by the United Nations' "
            "General Assembly for the compliance of the Sustainable Development Goals.\n\n"
            "The Argentine Network for the Global Compact is the country's largest corporate "
            "social responsibility initiative, with over 800 participants from 20 provinces. "
            "47 companies from our city are a part of this initiative.\n\n"
            "The Municipality of Rosario joined in December 2015, and duly submitted its first "
            "commitment report for the 2015-2017 period.\n\n"
            "In 2020, during Mayor Pablo Javkin's administration, the focus shifted to the "
            "General Chief of Staff, to provide the public policies with a cross-cutting "
            "perspective, with the purpose of integrating the diverse areas of local "
            "management and aligning the city's government plan to the Ten Principles of the "
            "Global Compact and to the 17 SDGs for the UN's 2030 Agenda.\n\n"
            "In October 2021, the Municipality submitted its second Communication on "
            "Engagement (COE) for the 2017-2020 period, confirming its commitment to the "
            "initiative."
        ),
        "start_year": 2015,
        "rosario_role": "participant",
        "source": (
            "seed: 'The Municipality of Rosario joined in December 2015'; no current status stated"
        ),
        "was": {"status": "active", "rosario_role": "member"},
        "themes": ["responsibility"],
        "sdgs": [8, 13, 16, 17],
        "participations": [
            {
                "partner": "un-global-compact",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": "role not stated by the seed",
                "was": {"role": "lead"},
            },
            {
                "partner": "argentine-global-compact-network",
                "role": "",
                "note_es": "Red local en la Argentina",
                "note_en": "Local network in Argentina",
                "source": "seed: 'The Argentine Network for the Global Compact'; role not stated",
                "was": {"role": "implementer"},
            },
        ],
        "milestones": [
            {
                "date": "2015-09-01",
                "source": (
                    "seed: 'the term set forth in September 2015 by the United Nations' General "
                    "Assembly'"
                ),
                "date_precision": "month",
                "title_es": (
                    "La Asamblea General de las Naciones Unidas fija el horizonte 2030 para los ODS"
                ),
                "title_en": (
                    "The United Nations General Assembly sets the 2030 horizon for the SDGs"
                ),
            },
            {
                "date": "2015-12-01",
                "source": "seed: 'The Municipality of Rosario joined in December 2015'",
                "date_precision": "month",
                "title_es": "La Municipalidad de Rosario adhiere al Pacto Global",
                "title_en": "The Municipality of Rosario joins the Global Compact",
            },
            {
                "date": "2020-01-01",
                "source": (
                    "seed: 'In 2020, during Mayor Pablo Javkin's administration, the focus shifted"
                    " to the General Chief of Staff'"
                ),
                "date_precision": "year",
                "title_es": (
                    "El Pacto Global pasa a la Jefatura de Gabinete, durante la gestión del "
                    "intendente Pablo Javkin"
                ),
                "title_en": (
                    "The Global Compact work moves to the General Chief of Staff, during Mayor "
                    "Pablo Javkin's administration"
                ),
            },
            {
                "date": "2021-10-01",
                "source": (
                    "seed: 'In October 2021, the Municipality submitted its second Communication "
                    "on Engagement (COE) for the 2017-2020 period'"
                ),
                "date_precision": "month",
                "title_es": (
                    "Segunda Comunicación sobre el Involucramiento (COE), período 2017-2020"
                ),
                "title_en": "Second Communication on Engagement (COE) submitted, 2017-2020 period",
            },
        ],
        "documents": [
            {
                "date": None,
                "source": (
                    "seed: 'duly submitted its first commitment report for the 2015-2017 period' "
                    "(no date given)"
                ),
                "date_precision": "",
                "title_es": "Primer informe de compromiso, período 2015-2017",
                "title_en": "First commitment report, 2015-2017 period",
            },
            {
                "date": "2021-10-01",
                "source": (
                    "seed: 'In October 2021, the Municipality submitted its second Communication "
                    "on Engagement (COE)'"
                ),
                "date_precision": "month",
                "title_es": (
                    "Segunda Comunicación sobre el Involucramiento (COE), período 2017-2020"
                ),
                "title_en": "Second Communication on Engagement (COE), 2017-2020 period",
            },
        ],
    },
    {
        "key": "mercocities-south-south",
        "network": "mercocities",
        "title_es": "Programa de Cooperación Sur-Sur de Mercociudades",
        "title_en": "South-South Cooperation Program of the Network of Mercocities",
        "slug_es": "programa-de-cooperacion-sur-sur-de-mercociudades",
        "slug_en": "mercocities-south-south-cooperation-program",
        "summary_es": (
            "Cooperación e intercambio entre los gobiernos locales de Mercociudades, con una "
            "mirada horizontal de intercambio entre pares."
        ),
        "summary_en": (
            "Cooperation and exchange between the local governments of Mercocities, with a "
            "horizontal peer-exchange perspective."
        ),
        "body_es": (
            "Con el objetivo de promover, organizar, sensibilizar y poner en marcha "
            "actividades de cooperación e intercambio entre los gobiernos locales que "
            "integran Mercociudades, este programa tiene una mirada horizontal de intercambio "
            "entre pares que prioriza un impacto cualitativo con perspectiva regional."
        ),
        "body_en": (
            "With the objectives of promoting, organizing, raising awareness, and launching "
            "cooperation and exchange activities between local governments involved in "
            "Mercocities, this program has a horizontal peer-exchange perspective that "
            "prioritizes a qualitative impact with a regional perspective."
        ),
        "rosario_role": "participant",
        "source": (
            "seed: 'In 2018, Rosario was selected to coordinate the project' (of this program); no"
            " status stated"
        ),
        "was": {"status": "active", "rosario_role": "member"},
        "themes": ["capacity"],
        "sdgs": [17],
        "participations": [
            {
                "partner": "mercocities",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'South-South Cooperation Program of the Network of Mercocities'; role "
                    "not stated"
                ),
                "was": {"role": "lead"},
            },
        ],
    },
    {
        "key": "eu-lac",
        "network": "global-covenant-of-mayors",
        "title_es": "Programa de Cooperación entre la Unión Europea, América Latina y el Caribe",
        "title_en": "Cooperation Program between the European Union, Latin America and the "
        "Caribbean",
        "slug_es": "programa-de-cooperacion-union-europea-america-latina-y-el-caribe",
        "slug_en": "european-union-latin-america-and-caribbean-cooperation-program",
        "summary_es": (
            "Cooperación entre ciudades europeas y latinoamericanas para impulsar el Pacto "
            "Global de Intendentes por el Clima y la Energía."
        ),
        "summary_en": (
            "Cooperation between European and Latin American cities to enforce the Global "
            "Covenant of Mayors for Climate & Energy."
        ),
        "body_es": (
            "Este programa fomenta la cooperación entre ciudades europeas y latinoamericanas "
            "y tiene como objetivo impulsar el Pacto Global de Intendentes por el Clima y la "
            "Energía, al que Rosario adhirió, como instrumento para cumplir con el Acuerdo de "
            "París."
        ),
        "body_en": (
            "Fostering cooperation between European and Latin-American cities, this program "
            "has the objective of enforcing the Global Covenant of Mayors for Climate & "
            "Energy, that Rosario adhered to, as an instrument to comply with the Paris "
            "Agreement."
        ),
        "source": "seed: no status and no role of Rosario in the program stated",
        "was": {"status": "active", "rosario_role": "member"},
        "themes": ["climate"],
        "sdgs": [11, 13, 17],
        "participations": [
            {
                "partner": "european-union",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": "role not stated by the seed",
                "was": {"role": "lead"},
            },
            {
                "partner": "global-covenant-of-mayors",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'this program has the objective of enforcing the Global Covenant of "
                    "Mayors'; role not stated"
                ),
                "was": {"role": "partner"},
            },
        ],
    },
    {
        "key": "iclei-iki",
        "network": "iclei",
        "title_es": "Proyectos de ICLEI con la Iniciativa Internacional de Protección del Clima",
        "title_en": "ICLEI projects with the International Climate Initiative",
        "slug_es": "proyectos-iclei-iki",
        "slug_en": "iclei-iki-projects",
        "summary_es": (
            "Rosario participa en dos proyectos de ICLEI con el apoyo del Ministerio Federal "
            "de Medio Ambiente de Alemania (BMU), a través de la Iniciativa Internacional de "
            "Protección del Clima (IKI)."
        ),
        "summary_en": (
            "Rosario is part of two ICLEI projects supported by Germany's Federal Ministry "
            "for the Environment (BMU) through the International Climate Initiative (IKI)."
        ),
        "body_es": (
            "Rosario forma parte de dos proyectos de ICLEI (Gobiernos Locales por la "
            "Sustentabilidad) que cuentan con el apoyo del Ministerio Federal de Medio "
            "Ambiente, Protección de la Naturaleza y Seguridad Nuclear de Alemania (BMU), a "
            "través de la Iniciativa Internacional de Protección del Clima (IKI): "
            "Ecologistics y 100% Renovables."
        ),
        "body_en": (
            "Rosario is part of two ICLEI (Local Governments for Sustainability) projects, "
            "supported by Germany's Federal Ministry for the Environment, Nature Conservation "
            "and Nuclear Safety (BMU) through the International Climate Initiative (IKI): "
            "Ecologistics and 100% Renewables."
        ),
        "rosario_role": "participant",
        "source": (
            "seed: 'Rosario is part of two ICLEI ... projects, supported by Germany's (BMU) "
            "through the International Climate Initiative (IKI)'; no status stated"
        ),
        "was": {"status": "active", "rosario_role": "partner"},
        "themes": ["climate"],
        "sdgs": [13],
        "participations": [
            {
                "partner": "iclei",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": "seed: 'two ICLEI projects'; role not stated",
                "was": {"role": "implementer"},
            },
            {
                "partner": "bmu",
                "role": "funder",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'Rosario is part of two ICLEI ... projects, supported by Germany's "
                    "(BMU) through the International Climate Initiative (IKI)' (IKI is a funding "
                    "program)"
                ),
            },
            {
                "partner": "iki",
                "role": "funder",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'Rosario is part of two ICLEI ... projects, supported by Germany's "
                    "(BMU) through the International Climate Initiative (IKI)' (IKI is a funding "
                    "program)"
                ),
            },
        ],
    },
    {
        "key": "eu-civil-society",
        "title_es": (
            "Programa de Cooperación de la Unión Europea: instrumentos para organizaciones de "
            "la sociedad civil"
        ),
        "title_en": "European Union Cooperation Program: instruments for civil society "
        "organizations",
        "slug_es": "programa-union-europea-organizaciones-de-la-sociedad-civil",
        "slug_en": "european-union-civil-society-organizations-program",
        "summary_es": (
            "Instrumento de la Unión Europea para organizaciones de la sociedad civil, a "
            "través del cual se financia el proyecto TRAMA."
        ),
        "summary_en": (
            "European Union instrument for civil society organizations, through which the "
            "TRAMA project is funded."
        ),
        "rosario_role": "participant",
        "source": (
            "seed: 'The Municipality of Rosario is a partner for the design and implementation of "
            "the project TRAMA' (of this program); no status stated"
        ),
        "was": {"status": "active", "rosario_role": "partner"},
        "themes": ["inclusion"],
        "sdgs": [8, 10],
        "participations": [
            {
                "partner": "european-union",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": "seed: 'European Union Cooperation Program'; role not stated",
                "was": {"role": "lead"},
            },
        ],
    },
    {
        "key": "metropolis-pilot-projects",
        "network": "metropolis",
        "title_es": "Convocatoria de proyectos piloto de Metropolis 2021-2023",
        "title_en": "Metropolis pilot projects call 2021-2023",
        "slug_es": "convocatoria-de-proyectos-piloto-de-metropolis",
        "slug_en": "metropolis-pilot-projects-call",
        "summary_es": (
            "En 2020, Metropolis abrió una convocatoria de proyectos piloto para el período "
            "2021-2023; la propuesta de Rosario fue seleccionada."
        ),
        "summary_en": (
            "In 2020, Metropolis made an open call for pilot projects for the 2021-2023 "
            "period; Rosario's proposal was selected."
        ),
        "body_es": (
            "En 2020, Metropolis (red mundial de grandes ciudades y áreas metropolitanas) "
            "abrió una convocatoria de proyectos piloto para el período 2021-2023."
        ),
        "body_en": (
            "In 2020, Metropolis (a global network of major cities and metropolitan areas) "
            "made an open call for pilot projects for the 2021-2023 period."
        ),
        "start_year": 2021,
        "end_year": 2023,
        "rosario_role": "participant",
        "source": (
            "seed: 'In 2020, Metropolis ... made an open call for pilot projects for the 2021-2023"
            " period, and the proposal presented and led by the city of Rosario ... has been "
            "selected'; no status stated"
        ),
        "was": {"status": "completed", "rosario_role": "member"},
        "themes": ["urban"],
        "sdgs": [11],
        "participations": [
            {
                "partner": "metropolis",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'Metropolis ... made an open call for pilot projects'; role not stated"
                ),
                "was": {"role": "lead"},
            },
        ],
        "milestones": [
            {
                "date": "2020-01-01",
                "source": (
                    "seed: 'In 2020, Metropolis ... made an open call for pilot projects for the "
                    "2021-2023 period'"
                ),
                "date_precision": "year",
                "title_es": "Metropolis abre la convocatoria de proyectos piloto 2021-2023",
                "title_en": "Metropolis makes an open call for pilot projects for 2021-2023",
            },
        ],
    },
    {
        "key": "jica",
        "title_es": "Programas de cooperación técnica de la Agencia de Cooperación "
        "Internacional del Japón (JICA)",
        "title_en": "Japan International Cooperation Agency (JICA) technical cooperation programs",
        "slug_es": "cooperacion-tecnica-jica",
        "slug_en": "jica-technical-cooperation",
        "summary_es": (
            "Desde un proyecto especial iniciado en 2014, Rosario celebró varios acuerdos de "
            "cooperación con Japón a través de JICA."
        ),
        "summary_en": (
            "Since a special project that started in 2014, Rosario has made several "
            "cooperation agreements with Japan through JICA."
        ),
        "body_es": (
            "A partir de un proyecto especial que comenzó en 2014, Rosario celebró varios "
            "acuerdos de cooperación con Japón a través de la Agencia de Cooperación "
            "Internacional del Japón (JICA).\n\n"
            "Hay dos programas de cooperación técnica: el Programa de Co-Creación de "
            "Conocimientos (KCCP) y el Programa de Voluntarios Expertos."
        ),
        "body_en": (
            "With a special project that started in 2014, Rosario made several cooperation "
            "agreements with Japan through the Japan International Cooperation Agency "
            "(JICA).\n\n"
            "There are two technical cooperation programs: the Knowledge Co-Creation Program "
            "(KCCP) and the Expert Volunteers Program."
        ),
        "start_year": 2014,
        "rosario_role": "participant",
        "source": (
            "seed: 'With a special project that started in 2014, Rosario made several cooperation "
            "agreements with Japan through JICA'; no status stated"
        ),
        "was": {"status": "active", "rosario_role": "beneficiary"},
        "themes": ["capacity"],
        "sdgs": [17],
        "participations": [
            {
                "partner": "jica",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'through the Japan International Cooperation Agency (JICA)'; role not "
                    "stated"
                ),
                "was": {"role": "lead"},
            },
        ],
        "milestones": [
            {
                "date": "2014-01-01",
                "source": "seed: 'With a special project that started in 2014'",
                "date_precision": "year",
                "title_es": (
                    "Comienza el proyecto especial de cooperación con Japón a través de JICA"
                ),
                "title_en": "A special cooperation project with Japan through JICA starts",
            },
        ],
    },
    {
        "key": "jica-kccp",
        "parent": "jica",
        "title_es": "Programa de Co-Creación de Conocimientos (KCCP)",
        "title_en": "Knowledge Co-Creation Program (KCCP)",
        "slug_es": "programa-de-co-creacion-de-conocimientos-kccp",
        "slug_en": "knowledge-co-creation-program-kccp",
        "summary_es": (
            "Marco de cooperación técnica de la Asistencia Oficial para el Desarrollo (AOD) "
            "de Japón para formar recursos humanos clave."
        ),
        "summary_en": (
            "Technical cooperation framework of Japan's Official Development Assistance (ODA) "
            "that trains key human resources."
        ),
        "body_es": (
            "Este programa es uno de los marcos de cooperación técnica de la Asistencia "
            "Oficial para el Desarrollo (AOD) de Japón y tiene como objetivos formar recursos "
            "humanos clave para fortalecer sus instituciones y contribuir a resolver los "
            "problemas específicos de cada ciudad y de cada país."
        ),
        "body_en": (
            "This program is one of the technical cooperation frameworks from the Official "
            "Development Assistance (ODA) of Japan, and has the objectives of training key "
            "human resources to strengthen their institutions and contributing to solving "
            "each city's and each country's specific problems."
        ),
        "rosario_role": "participant",
        "source": (
            "seed: 'a number of civil servants from the Municipality of Rosario have been trained "
            "in Japan'; no status stated"
        ),
        "was": {"status": "active", "rosario_role": "beneficiary"},
        "themes": ["capacity"],
        "sdgs": [17],
        "participations": [
            {
                "partner": "jica",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'through the Japan International Cooperation Agency (JICA)'; role not "
                    "stated"
                ),
                "was": {"role": "lead"},
            },
        ],
    },
    {
        "key": "jica-expert-volunteers",
        "parent": "jica",
        "title_es": "Programa de Voluntarios Expertos",
        "title_en": "Expert Volunteers Program",
        "slug_es": "programa-de-voluntarios-expertos",
        "slug_en": "expert-volunteers-program",
        "summary_es": (
            "Programa de cooperación técnica de la AOD de Japón que envía expertos japoneses "
            "a distintos países."
        ),
        "summary_en": (
            "Technical cooperation program of Japan's ODA that sends Japanese experts to "
            "different countries."
        ),
        "body_es": (
            "Es un programa de cooperación técnica que forma parte de la Asistencia Oficial "
            "para el Desarrollo (AOD) de Japón y tiene como objetivo enviar a distintos "
            "países expertos japoneses con la experiencia, las capacidades y los "
            "conocimientos adecuados para acompañarlos en sus necesidades de asistencia.\n\n"
            "Sus principales áreas temáticas son, entre otras:\n\n"
            "- mejora de la calidad y la productividad de las pequeñas empresas;\n"
            "- comercio exterior;\n"
            "- gestión de riesgos;\n"
            "- educación ambiental;\n"
            "- tecnologías de la información;\n"
            "- desarrollo agrícola."
        ),
        "body_en": (
            "This is a technical cooperation program that is a part of Japan's Official "
            "Development Assistance (ODA), and has the objective of sending Japanese experts "
            "with the experience, skills, and appropriate knowledge to different countries "
            "to help with their assistance requirements.\n\n"
            "The main theme areas are, among others:\n\n"
            "- quality and productivity improvement for small businesses;\n"
            "- foreign trade;\n"
            "- risk management;\n"
            "- environmental education;\n"
            "- information technology;\n"
            "- agricultural development."
        ),
        "rosario_role": "participant",
        "source": (
            "seed: 'The Municipality of Rosario has received several expert volunteers in risk "
            "management'; no status stated"
        ),
        "was": {"status": "active", "rosario_role": "beneficiary"},
        "themes": ["capacity", "risk"],
        "sdgs": [17],
        "participations": [
            {
                "partner": "jica",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'through the Japan International Cooperation Agency (JICA)'; role not "
                    "stated"
                ),
                "was": {"role": "lead"},
            },
        ],
    },
]

PROJECTS = [
    {
        "key": "urban-heat-islands",
        "program": "mercocities-south-south",
        "title_es": (
            "Islas de calor urbano: impacto en las políticas de planificación y diseño urbano. "
            "Posibles adaptaciones y reducción de los efectos del cambio climático"
        ),
        "title_en": (
            "Urban Heat Islands: Impact on Planning and Urban Design Policies. Potential "
            "Adaptations and Reducing the Effects of Climate Change"
        ),
        "slug_es": "islas-de-calor-urbano",
        "slug_en": "urban-heat-islands",
        "summary_es": (
            "Proyecto coordinado por Rosario desde 2018 para capacitar e intercambiar "
            "experiencias en políticas de adaptación al cambio climático y mitigación de sus "
            "efectos."
        ),
        "summary_en": (
            "Project coordinated by Rosario since 2018 to train and exchange experience in "
            "policies to adapt to and reduce the effects of climate change."
        ),
        "body_es": (
            "En 2018, Rosario fue seleccionada para coordinar este proyecto, que tiene como "
            "objetivo capacitar e intercambiar conocimientos y experiencias en el desarrollo "
            "de políticas de adaptación al cambio climático y de reducción de sus efectos, "
            "así como incorporar un software específico a la planificación urbana de las "
            "ciudades participantes, para tener en cuenta el efecto que las acciones humanas "
            "tienen sobre el clima urbano."
        ),
        "body_en": (
            "In 2018, Rosario was selected to coordinate this project, which has the "
            "objective of training and exchanging knowledge and experiences in the "
            "development of policies to adapt to and reduce the effects of climate change, "
            "as well as the incorporation of specific software to the urban planning of the "
            "involved cities, in order to consider the effect that human actions have on the "
            "urban climate."
        ),
        "start_year": 2018,
        "rosario_role": "coordinator",
        "source": (
            "seed: 'In 2018, Rosario was selected to coordinate the project'; no current status "
            "stated"
        ),
        "was": {"status": "active"},
        "themes": ["climate", "urban"],
        "sdgs": [11, 13],
        "milestones": [
            {
                "date": "2018-01-01",
                "source": "seed: 'In 2018, Rosario was selected to coordinate the project'",
                "date_precision": "year",
                "title_es": "Rosario es seleccionada para coordinar el proyecto",
                "title_en": "Rosario is selected to coordinate the project",
            },
        ],
    },
    {
        "key": "ecologistics",
        "program": "iclei-iki",
        "title_es": "Ecologistics",
        "title_en": "Ecologistics",
        "slug_es": "ecologistics",
        "slug_en": "ecologistics",
        "summary_es": (
            "Estrategia para reducir las emisiones de carbono del transporte urbano de cargas."
        ),
        "summary_en": "A strategy for reducing carbon emissions in the sector of urban cargo.",
        "body_es": (
            "Ecologistics tiene como objetivo crear una estrategia para reducir las emisiones "
            "de carbono en el sector del transporte urbano de cargas. Forma parte de la "
            "planificación de la ciudad desde 2018 y está incluido en el Plan Local de Acción "
            "Climática, elaborado por el Grupo de Trabajo Local, como Plan de Logística Baja "
            "en Carbono para Rosario."
        ),
        "body_en": (
            "Ecologistics has the objective of creating a strategy for reducing carbon "
            "emissions in the sector of urban cargo. It has been a part of the city's "
            "planning since 2018, and is a part of the Local Climate Action Plan, developed "
            "by the Local Task Force, as the Low-Carbon Logistics Plan for Rosario."
        ),
        "start_year": 2018,
        "status": "active",
        "status_confirmed_on": "2022-01-01",
        "rosario_role": "participant",
        "source": (
            "seed: 'It has been a part of the city's planning for 4 years, since 2018' (ongoing "
            "when written: 2018 + 4 = 2022); 'Rosario is part of two ICLEI ... projects'"
        ),
        "was": {"rosario_role": "partner", "status_confirmed_on": None},
        "themes": ["climate", "logistics"],
        "sdgs": [11, 13],
        "participations": [
            {
                "partner": "iclei",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": "seed: 'two ICLEI projects'; role not stated",
                "was": {"role": "implementer"},
            },
            {
                "partner": "bmu",
                "role": "funder",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'Rosario is part of two ICLEI ... projects, supported by Germany's "
                    "(BMU) through the International Climate Initiative (IKI)' (IKI is a funding "
                    "program)"
                ),
            },
            {
                "partner": "iki",
                "role": "funder",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'Rosario is part of two ICLEI ... projects, supported by Germany's "
                    "(BMU) through the International Climate Initiative (IKI)' (IKI is a funding "
                    "program)"
                ),
            },
        ],
        "milestones": [
            {
                "date": "2018-01-01",
                "source": (
                    "seed: 'It has been a part of the city's planning for 4 years, since 2018'"
                ),
                "date_precision": "year",
                "title_es": "Ecologistics se incorpora a la planificación de la ciudad",
                "title_en": "Ecologistics becomes part of the city's planning",
            },
        ],
    },
    {
        "key": "100-renewables",
        "program": "iclei-iki",
        "title_es": "100% Renovables",
        "title_en": "100% Renewables",
        "slug_es": "100-renovables",
        "slug_en": "100-renewables",
        "summary_es": (
            "Acompaña el proceso de planificación de la ciudad para la transición hacia las "
            "energías renovables."
        ),
        "summary_en": (
            "Helps the city's planning process for transitioning into renewable energies."
        ),
        "body_es": (
            "100% Renovables es un programa para el período 2020-2023 que acompaña el proceso "
            "de planificación de la ciudad para la transición hacia las energías renovables. "
            "Para implementarlo se creó un Grupo de Trabajo Local integrado por "
            "representantes de instituciones públicas y privadas y por científicos "
            "especializados en el tema."
        ),
        "body_en": (
            "100% Renewables is a program for the 2020-2023 period, which will help the "
            "city's planning process for transitioning into renewable energies. A Local Task "
            "Force, including representatives from public and private institutions, as well "
            "as scientists specialized in the topic, was created for the implementation of "
            "this program."
        ),
        "start_year": 2020,
        "end_year": 2023,
        "rosario_role": "participant",
        "source": (
            "seed: '100% Renewables is a program for the 2020-2023 period'; 'Rosario is part of "
            "two ICLEI ... projects'; no status stated"
        ),
        "was": {"status": "completed", "rosario_role": "partner"},
        "themes": ["climate", "energy"],
        "sdgs": [7, 11, 13],
        "participations": [
            {
                "partner": "iclei",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": "seed: 'two ICLEI projects'; role not stated",
                "was": {"role": "implementer"},
            },
            {
                "partner": "bmu",
                "role": "funder",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'Rosario is part of two ICLEI ... projects, supported by Germany's "
                    "(BMU) through the International Climate Initiative (IKI)' (IKI is a funding "
                    "program)"
                ),
            },
            {
                "partner": "iki",
                "role": "funder",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'Rosario is part of two ICLEI ... projects, supported by Germany's "
                    "(BMU) through the International Climate Initiative (IKI)' (IKI is a funding "
                    "program)"
                ),
            },
        ],
    },
    {
        "key": "trama",
        "program": "eu-civil-society",
        "title_es": "TRAMA, red para la inclusión sostenible",
        "title_en": "TRAMA, a network for sustainable inclusion",
        "slug_es": "trama",
        "slug_en": "trama",
        "summary_es": (
            "Contribuir a la inclusión laboral de las personas con discapacidad intelectual "
            "en la ciudad de Rosario."
        ),
        "summary_en": (
            "Contributing to the labor inclusion of people with intellectual disabilities in "
            "the city of Rosario."
        ),
        "body_es": (
            "La Municipalidad de Rosario es socia en el diseño y la implementación del "
            "proyecto TRAMA, una red para la inclusión sostenible financiada por la Comisión "
            "Europea, cuya solicitante principal es la Fundación Sol Naciente.\n\n"
            "El proyecto tiene como objetivo contribuir a la inclusión laboral de las personas "
            "con discapacidad intelectual en la ciudad de Rosario."
        ),
        "body_en": (
            "The Municipality of Rosario is a partner for the design and implementation of "
            "the project TRAMA, a network for sustainable inclusion funded by the European "
            "Commission, that has the Fundación Sol Naciente as primary requester.\n\n"
            "This project has the objective of contributing to the labor inclusion of people "
            "with intellectual disabilities in the city of Rosario."
        ),
        "rosario_role": "partner",
        "source": (
            "seed: 'The Municipality of Rosario is a partner for the design and implementation of "
            "the project TRAMA'; no status stated"
        ),
        "was": {"status": "active"},
        "themes": ["inclusion"],
        "sdgs": [8, 10],
        "participations": [
            {
                "partner": "fundacion-sol-naciente",
                "role": "applicant",
                "note_es": "Solicitante principal",
                "note_en": "Lead applicant",
                "source": "seed: 'that has the Fundación Sol Naciente as primary requester'",
                "was": {"note_en": "Primary requester"},
            },
            {
                "partner": "european-commission",
                "role": "funder",
                "note_es": "",
                "note_en": "",
                "source": "seed: 'funded by the European Commission'",
            },
        ],
    },
    {
        "key": "metropolis-waste",
        "program": "metropolis-pilot-projects",
        "title_es": "Co-creación de un modelo sostenible para la gestión metropolitana de "
        "residuos sólidos",
        "title_en": "Co-Creation of a Sustainable Model for Metropolitan Solid Waste Management",
        "slug_es": "gestion-metropolitana-de-residuos-solidos",
        "slug_en": "metropolitan-solid-waste-management",
        "summary_es": (
            "Proyecto presentado y liderado por Rosario, seleccionado por Metropolis para su "
            "financiamiento e implementación a partir de 2021."
        ),
        "summary_en": (
            "Proposal presented and led by Rosario, selected by Metropolis for funding and "
            "implementation starting in 2021."
        ),
        "body_es": (
            "La propuesta presentada y liderada por la ciudad de Rosario fue seleccionada "
            "para su financiamiento e implementación a partir de 2021.\n\n"
            "Las ciudades socias y miembros de Metropolis que acompañan este proyecto son "
            "Turín (Italia), Río de Janeiro (Brasil) y Belo Horizonte (Brasil); Santa Fe "
            "(Argentina) participa como ciudad colaboradora que no es miembro de Metropolis. "
            "La Universidad Nacional de Rosario también apoya el proyecto.\n\n"
            "El proyecto tiene como objetivo formar y capacitar a responsables de políticas "
            "públicas, equipos técnicos locales y otros actores con poder de decisión en el "
            "desarrollo de instrumentos y herramientas para la planificación integral y la "
            "coordinación de la gestión de residuos sólidos, mediante la implementación de "
            "tecnologías para la generación de energía sostenible."
        ),
        "body_en": (
            "The proposal presented and led by the city of Rosario has been selected for "
            "funding and implementation starting on 2021.\n\n"
            "The partner cities and members of Metropolis supporting this project are: Turin "
            "(Italy), Rio de Janeiro (Brazil), Belo Horizonte (Brazil) and, as collaborating "
            "city that is not a member of Metropolis, Santa Fe (Argentina). The National "
            "University of Rosario is also supporting this project.\n\n"
            "The project has the objective of teaching and training policy makers, local "
            "technical teams, and other decision-making actors in the development of "
            "instruments and tools for the integral planning and coordination of solid waste "
            "management, through the implementation of technologies for the generation of "
            "sustainable energy."
        ),
        "start_year": 2021,
        "rosario_role": "lead",
        "source": (
            "seed: 'the proposal presented and led by the city of Rosario ... has been selected "
            "for funding and implementation starting on 2021'; the end of the project and its "
            "status are not stated (2021-2023 is the call's period)"
        ),
        "was": {"end_year": 2023, "status": "completed"},
        "themes": ["waste", "energy", "capacity"],
        "sdgs": [7, 11, 12],
        "participations": [
            {
                "partner": "metropolis",
                "role": "funder",
                "note_es": "Convocatoria de proyectos piloto",
                "note_en": "Pilot projects call",
                "source": (
                    "seed: 'Metropolis ... made an open call for pilot projects ... selected for "
                    "funding and implementation'"
                ),
            },
            {
                "partner": "turin",
                "role": "partner",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'The partner cities and members of Metropolis supporting this project "
                    "are: Turin (Italy), Rio de Janeiro (Brazil), Belo Horizonte (Brazil)'"
                ),
            },
            {
                "partner": "rio-de-janeiro",
                "role": "partner",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'The partner cities and members of Metropolis supporting this project "
                    "are: Turin (Italy), Rio de Janeiro (Brazil), Belo Horizonte (Brazil)'"
                ),
            },
            {
                "partner": "belo-horizonte",
                "role": "partner",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'The partner cities and members of Metropolis supporting this project "
                    "are: Turin (Italy), Rio de Janeiro (Brazil), Belo Horizonte (Brazil)'"
                ),
            },
            {
                "partner": "santa-fe",
                "role": "collaborator",
                "note_es": "Ciudad colaboradora que no es miembro de Metropolis",
                "note_en": "Collaborating city that is not a member of Metropolis",
                "source": (
                    "seed: 'as collaborating city that is not a member of Metropolis, Santa Fe "
                    "(Argentina)'"
                ),
            },
            {
                "partner": "unr",
                "role": "supporter",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'The National University of Rosario is also supporting this project'"
                ),
            },
        ],
        "milestones": [
            {
                "date": "2021-01-01",
                "source": "seed: 'selected for funding and implementation starting on 2021'",
                "date_precision": "year",
                "title_es": "Comienza la implementación del proyecto",
                "title_en": "Implementation of the project starts",
            },
        ],
    },
    {
        "key": "kccp-trainings",
        "program": "jica-kccp",
        "title_es": "Capacitaciones del KCCP en Japón",
        "title_en": "KCCP trainings in Japan",
        "slug_es": "capacitaciones-kccp-en-japon",
        "slug_en": "kccp-trainings-in-japan",
        "summary_es": (
            "Agentes de la Municipalidad de Rosario se capacitaron en Japón en gestión "
            "integral de residuos y en gestión urbana para un desarrollo urbano sostenible."
        ),
        "summary_en": (
            "Civil servants from the Municipality of Rosario trained in Japan in Integral "
            "Waste Management and Urban Management for a Sustainable Urban Development."
        ),
        "body_es": (
            "En el marco de este programa, varios agentes de la Municipalidad de Rosario se "
            "capacitaron en Japón en:\n\n"
            "- Gestión Integral de Residuos;\n"
            "- Gestión Urbana para un Desarrollo Urbano Sostenible."
        ),
        "body_en": (
            "Under this program, a number of civil servants from the Municipality of Rosario "
            "have been trained in Japan in:\n\n"
            "- Integral Waste Management;\n"
            "- Urban Management for a Sustainable Urban Development."
        ),
        "rosario_role": "participant",
        "source": (
            "seed: 'a number of civil servants from the Municipality of Rosario have been trained "
            "in Japan'; no status stated"
        ),
        "was": {"status": "active", "rosario_role": "beneficiary"},
        "themes": ["capacity", "waste", "urban"],
        "sdgs": [11, 12],
        "participations": [
            {
                "partner": "jica",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'through the Japan International Cooperation Agency (JICA)'; role not "
                    "stated"
                ),
                "was": {"role": "funder"},
            },
        ],
    },
    {
        "key": "expert-volunteers-risk",
        "program": "jica-expert-volunteers",
        "title_es": "Voluntarios expertos en gestión de riesgos",
        "title_en": "Expert volunteers in risk management",
        "slug_es": "voluntarios-expertos-en-gestion-de-riesgos",
        "slug_en": "expert-volunteers-in-risk-management",
        "summary_es": (
            "La Municipalidad de Rosario recibió a varios voluntarios expertos en gestión de "
            "riesgos, que hicieron su aporte al área de Defensa Civil."
        ),
        "summary_en": (
            "The Municipality of Rosario has received several expert volunteers in risk "
            "management, who have contributed to the area of Civil Defense."
        ),
        "body_es": (
            "La Municipalidad de Rosario recibió a varios voluntarios expertos en gestión de "
            "riesgos, que hicieron su aporte al área de Defensa Civil."
        ),
        "body_en": (
            "The Municipality of Rosario has received several expert volunteers in risk "
            "management, who have contributed to the area of Civil Defense."
        ),
        "rosario_role": "participant",
        "source": (
            "seed: 'The Municipality of Rosario has received several expert volunteers in risk "
            "management'; no status stated"
        ),
        "was": {"status": "active", "rosario_role": "beneficiary"},
        "themes": ["risk"],
        "sdgs": [11],
        "participations": [
            {
                "partner": "jica",
                "role": "",
                "note_es": "",
                "note_en": "",
                "source": (
                    "seed: 'through the Japan International Cooperation Agency (JICA)'; role not "
                    "stated"
                ),
                "was": {"role": "funder"},
            },
        ],
    },
]


# Corrections of wording (issue 14), applied to the records above on import. Each keeps the
# earlier seed's text as the record's ``was``, so that ``load_seed --revise`` corrects a site
# loaded before, where staff have not rewritten the text: (list, key, field, old, new), where
# ``old`` is the part of the text replaced. Titles of milestones are matched by their
# English title.
WORDING = [
    ("SECTION", None, "introduction_es", "que compartan sus mismos intereses y experiencias",
     "que compartan intereses y experiencias con ella"),
    ("PROGRAMS", "global-compact", "summary_es",
     "Rosario adhiere desde diciembre de 2015 a la iniciativa de las Naciones Unidas por los Diez "
     "Principios universales y alinea su plan de gobierno con los 17 Objetivos de Desarrollo "
     "Sostenible.",
     "La Municipalidad de Rosario adhiere desde diciembre de 2015 a esta iniciativa de las "
     "Naciones Unidas por los Diez Principios universales. En 2020 la coordinación pasó a la "
     "órbita de la Jefatura de Gabinete, con el fin de alinear el plan de gobierno con los Diez "
     "Principios y con los 17 Objetivos de Desarrollo Sostenible."),
    ("PROGRAMS", "global-compact", "summary_en",
     "Since December 2015 Rosario has been part of the United Nations initiative for the Ten "
     "Universal Principles, and aligns its government plan with the 17 Sustainable Development "
     "Goals.",
     "The Municipality of Rosario has taken part since December 2015 in this United Nations "
     "initiative for the Ten Universal Principles. In 2020 its coordination moved to the Chief "
     "of Staff's Office, with the purpose of aligning the city's government plan with the Ten "
     "Principles and the 17 Sustainable Development Goals."),
    ("PROGRAMS", "global-compact", "body_es", "el eje pasó a la Jefatura de Gabinete",
     "la coordinación pasó a la órbita de la Jefatura de Gabinete"),
    ("PROGRAMS", "global-compact", "body_en", "the focus shifted to the General Chief of Staff",
     "the focus shifted to the Chief of Staff's Office"),
    ("PROGRAMS", "global-compact", "body_en", "for the compliance of the Sustainable",
     "for meeting the Sustainable"),
    ("MILESTONES", "global-compact", "title_es",
     "El Pacto Global pasa a la Jefatura de Gabinete",
     "La coordinación del Pacto Global pasa a la órbita de la Jefatura de Gabinete"),
    ("MILESTONES", "global-compact", "title_en", "to the General Chief of Staff",
     "to the Chief of Staff's Office"),
    ("PROGRAMS", "mercocities-south-south", "body_es",
     "Con el objetivo de promover, organizar, sensibilizar y poner en marcha actividades de "
     "cooperación e intercambio entre los gobiernos locales que integran Mercociudades,",
     "Con el objetivo de promover, organizar y poner en marcha actividades de cooperación e "
     "intercambio entre los gobiernos locales que integran Mercociudades, y de sensibilizar "
     "sobre ellas,"),
    ("PROGRAMS", "eu-lac", "title_es", "la Unión Europea, América Latina y el Caribe",
     "la Unión Europea y América Latina y el Caribe"),
    ("PROGRAMS", "eu-lac", "summary_en", "to enforce the Global", "to promote the Global"),
    ("PROGRAMS", "eu-lac", "body_en", "has the objective of enforcing the Global",
     "has the objective of promoting the Global"),
    ("PROGRAMS", "eu-lac", "body_en", "Latin-American", "Latin American"),
    ("PROGRAMS", "jica", "body_es", "Programa de Co-Creación de Conocimientos",
     "Programa de Cocreación de Conocimientos"),
    ("PROGRAMS", "jica-kccp", "title_es", "Programa de Co-Creación de Conocimientos",
     "Programa de Cocreación de Conocimientos"),
    ("PROJECTS", "urban-heat-islands", "summary_es", "mitigación de sus efectos",
     "reducción de sus efectos"),
    ("PROJECTS", "ecologistics", "summary_en", "in the sector of urban cargo",
     "in urban freight transport"),
    ("PROJECTS", "ecologistics", "body_en", "in the sector of urban cargo",
     "in urban freight transport"),
    ("PROJECTS", "100-renewables", "summary_es", "Acompaña el proceso",
     "Programa que acompaña el proceso"),
    ("PROJECTS", "100-renewables", "summary_en",
     "Helps the city's planning process for transitioning into renewable energies.",
     "A program that helps the city plan its transition to renewable energy."),
    ("PROJECTS", "100-renewables", "body_en", "for transitioning into renewable energies",
     "for the transition to renewable energy"),
    ("PROJECTS", "trama", "summary_es", "Contribuir a la inclusión laboral",
     "Proyecto que busca contribuir a la inclusión laboral"),
    ("PROJECTS", "trama", "summary_en", "Contributing to the labor inclusion",
     "A project that seeks to contribute to the labor inclusion"),
    ("PROJECTS", "trama", "body_en", "as primary requester", "as lead applicant"),
    ("PROJECTS", "metropolis-waste", "title_es", "Co-creación", "Cocreación"),
    ("PROJECTS", "metropolis-waste", "body_en", "starting on 2021", "starting in 2021"),
    ("PROJECTS", "kccp-trainings", "title_en", "KCCP trainings in Japan", "KCCP training in Japan"),
]  # fmt: skip


def _apply_wording() -> None:
    for name, key, field, old, new in WORDING:
        if name == "SECTION":
            records = [SECTION]
        elif name == "MILESTONES":
            (entry,) = [item for item in PROGRAMS if item["key"] == key]
            records = [row for row in entry["milestones"] if old in row[field]]
        else:
            records = [item for item in globals()[name] if item["key"] == key]
        (record,) = records
        if old not in record[field]:
            raise ValueError(f"{name} {key} {field}: {old!r} not found")
        record.setdefault("was", {}).setdefault(field, record[field])
        record[field] = record[field].replace(old, new)


_apply_wording()
