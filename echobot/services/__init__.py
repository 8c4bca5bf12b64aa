"""The product's rules. Services take the database and the clock; none imports slack_bolt."""
