-- Runs once, when the PostgreSQL container initialises an empty data directory.
-- The owner runs migrations; the application role owns nothing and cannot bypass row-level security.
-- Change both passwords for anything beyond a local production-like run.
CREATE ROLE ledger_owner LOGIN PASSWORD 'ledger_owner' NOSUPERUSER NOBYPASSRLS CREATEDB;
CREATE ROLE ledger_app LOGIN PASSWORD 'ledger_app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE DATABASE ledger OWNER ledger_owner;
