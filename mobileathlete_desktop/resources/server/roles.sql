-- Mobile Athlete Desktop: the roles of a PostgreSQL clinic server (roles version 1).
--
-- Two logins, so that no workstation can change the schema or the audit trail:
--   owner_user  owns the clinic database, its tables and the audit trail's guard trigger,
--               and runs the migrations. Kept by whoever runs the server; never stored on a
--               workstation.
--   app_user    the login every workstation uses: reads and writes clinic data, may only add
--               to (and read) the audit trail, owns nothing, may not create or alter tables,
--               and so cannot switch the audit trail's guard trigger off.
--
-- Run the whole file once, as a PostgreSQL superuser, on the server:
--   sudo -u postgres psql -v owner_user=mobileathlete_owner -v owner_password='…' \
--        -v app_user=mobileathlete_app -v app_password='…' -v db=clinic -f roles.sql
-- or let the program do it: mobileathlete server-roles --admin-url … --owner-url … (docs/server.md).
-- Given -v grants=1, psql runs part 2 instead (as the owner, once the tables exist: only
-- the app_user and db variables are needed). Part 2 must run again after every upgrade that
-- migrates the schema; `mobileathlete server-roles --owner-url OWNER_URL` migrates and
-- grants in one go.

-- @part 1: roles and database (as a superuser, once)
\if :{?grants}
\else
CREATE ROLE :"owner_user" LOGIN PASSWORD :'owner_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;
CREATE DATABASE :"db" OWNER :"owner_user" ENCODING 'UTF8' TEMPLATE template0;
\connect :"db"
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"app_user";
ALTER SCHEMA public OWNER TO :"owner_user";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
\endif

-- @part 2: the application login's rights (as the owner, after every migration)
\if :{?grants}
GRANT USAGE ON SCHEMA public TO :"app_user";
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :"app_user";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_user";
REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM :"app_user";
REVOKE UPDATE, DELETE ON audit_event FROM :"app_user";
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM :"app_user";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_user";
\endif
