"""Business rules, once: the Reflex UI, the REST API and the MCP server all call these."""
