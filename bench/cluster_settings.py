"""Settings of bench/cluster.py's app nodes: the project's own, plus the trivial-insert
endpoint the intake rate is compared with (bench/cluster_urls.py). Never used elsewhere."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "cluster_urls"
