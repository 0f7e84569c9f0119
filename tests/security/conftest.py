"""The billing servers (Stripe test mode against the fake Stripe) are shared with tests/billing."""

from tests.billing.conftest import billing_server, fake_stripe  # noqa: F401
