-- Audit runs, their per-page results and the evaluators' manual results.
-- Written in the SQL that H2 2.x and PostgreSQL both accept (TEXT, BIGINT, VARCHAR).
CREATE TABLE audit_run (
    id            VARCHAR(40)   PRIMARY KEY,
    site_id       VARCHAR(64)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    request_json  TEXT          NOT NULL,
    pages_total   INTEGER       NOT NULL DEFAULT 0,
    pages_done    INTEGER       NOT NULL DEFAULT 0,
    failures      BIGINT        NOT NULL DEFAULT 0,
    created_by    VARCHAR(64),
    created_at    BIGINT        NOT NULL,
    started_at    BIGINT,
    finished_at   BIGINT,
    error_message VARCHAR(2000),
    report_json   TEXT
);
CREATE INDEX audit_run_site ON audit_run (site_id, created_at);
CREATE INDEX audit_run_status ON audit_run (status);

CREATE TABLE page_result (
    id          VARCHAR(40)   PRIMARY KEY,
    run_id      VARCHAR(40)   NOT NULL REFERENCES audit_run (id) ON DELETE CASCADE,
    seq         INTEGER       NOT NULL,
    url         VARCHAR(4096) NOT NULL,
    status      VARCHAR(32)   NOT NULL,
    failures    INTEGER       NOT NULL,
    page_json   TEXT          NOT NULL
);
CREATE INDEX page_result_run ON page_result (run_id, seq);

CREATE TABLE manual_result (
    id          VARCHAR(40)   PRIMARY KEY,
    run_id      VARCHAR(40)   NOT NULL REFERENCES audit_run (id) ON DELETE CASCADE,
    item        VARCHAR(64)   NOT NULL,
    outcome     VARCHAR(16)   NOT NULL,
    checked_by  VARCHAR(64)   NOT NULL,
    checked_at  BIGINT        NOT NULL,
    note        VARCHAR(2000),
    CONSTRAINT manual_result_item UNIQUE (run_id, item)
);
