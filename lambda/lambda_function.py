"""AWS Lambda entry point: `lambda_function.lambda_handler`, over the same skill as the web service.

`skill` next to this file links to the package at the repository root, so `sam build` packs it.
"""

import logging
import os

from skill.voice import lambda_handler

logging.getLogger().setLevel(os.environ.get("LOG_LEVEL", "INFO"))

__all__ = ["lambda_handler"]
