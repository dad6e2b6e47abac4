-- Up Migration

-- Down Migration