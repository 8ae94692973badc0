"""The city's cooperation page as seed content (``content``) and what loads it (``loader``);
``demo`` makes synthetic projects to measure the portal at scale."""
