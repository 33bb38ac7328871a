"""AWS Lambda entry point: `lambda_function.lambda_handler`, over the same skill as the web service.

`skill` next to this file links to the package at the repository root, so `sam build` packs it.
"""

import logging
import os

from skill.logs import protect_logs
from skill.voice import lambda_handler

logging.getLogger().setLevel(os.environ.get("LOG_LEVEL", "INFO"))
protect_logs()  # no log line may quote what a runner said, as on the web service

__all__ = ["lambda_handler"]
