-- The audit log is append-only in the database itself, not by convention: UPDATE, DELETE and TRUNCATE of
-- "AuditEvent" are refused by triggers (whoever connects, whatever the code does). Dropping or cloning a whole
-- database (tests, backups, restore --force) is unaffected. See docs/decisions/0012.
-- The function body writes its semicolons as \073: the migration runner splits scripts at every semicolon.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''审计日志只能追加，不能修改或删除（audit log is append-only: % refused）'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073';

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
