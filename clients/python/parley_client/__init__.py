"""Python client for parley's HTTP API (see docs/api.md and GET /openapi.json).

Plain data in and out (dicts and lists, as the API's JSON); with pandas installed, the
``*_frame`` helpers return DataFrames. Standard library only: no dependency to install.
"""

from .client import ParleyClient, ParleyError

__all__ = ["ParleyClient", "ParleyError"]
__version__ = "0.1.0"
