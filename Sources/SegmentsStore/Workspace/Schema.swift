import GRDB

/// The database schema, as versioned migrations: a workspace file written by an
/// older build is brought up to date when it is opened, never recreated.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial", migrate: createInitialTables)
        migrator.registerMigration("v2-sample-counts", migrate: SampleCounts.install)
        migrator.registerMigration("v3-status-sort-indexes", migrate: createStatusSortIndexes)
        return migrator
    }

    private static func createInitialTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE account (
                    id INTEGER PRIMARY KEY,
                    username TEXT NOT NULL UNIQUE,
                    email TEXT,
                    is_organization INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE api_key (
                    id INTEGER PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    key_hash TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL
                );
                CREATE INDEX api_key_by_account ON api_key(account_id);
                CREATE TABLE organization_member (
                    organization_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    role TEXT NOT NULL,
                    PRIMARY KEY (organization_id, account_id)
                );
                CREATE INDEX organization_member_by_account ON organization_member(account_id);

                CREATE TABLE dataset (
                    id INTEGER PRIMARY KEY,
                    owner_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    category TEXT NOT NULL,
                    is_public INTEGER NOT NULL DEFAULT 0,
                    archived INTEGER NOT NULL DEFAULT 0,
                    task_type TEXT NOT NULL,
                    task_attributes TEXT NOT NULL,
                    metadata TEXT NOT NULL DEFAULT '{}',
                    readme TEXT NOT NULL DEFAULT '',
                    settings TEXT NOT NULL DEFAULT '{}',
                    cloned_from TEXT,
                    created_at TEXT NOT NULL,
                    UNIQUE (owner_id, name)
                );
                CREATE INDEX dataset_by_name ON dataset(name);
                CREATE TABLE collaborator (
                    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    role TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (dataset_id, account_id)
                );
                CREATE INDEX collaborator_by_account ON collaborator(account_id);
                CREATE TABLE labelset (
                    id INTEGER PRIMARY KEY,
                    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    is_groundtruth INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL,
                    UNIQUE (dataset_id, name)
                );

                -- gt_label_status and gt_label_updated_at copy the ground-truth label's
                -- status and update time, so that the commonest filter and the
                -- gt_label__updated_at sort are index scans at 100k samples.
                CREATE TABLE sample (
                    id INTEGER PRIMARY KEY,
                    uuid TEXT NOT NULL UNIQUE,
                    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    attributes TEXT,
                    metadata TEXT NOT NULL DEFAULT '{}',
                    priority REAL NOT NULL DEFAULT 0,
                    readme TEXT NOT NULL DEFAULT '',
                    assigned_labeler TEXT,
                    assigned_reviewer TEXT,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    gt_label_status TEXT NOT NULL DEFAULT 'UNLABELED',
                    gt_label_updated_at TEXT,
                    UNIQUE (dataset_id, name)
                );
                CREATE INDEX sample_by_created_at ON sample(dataset_id, created_at, uuid);
                CREATE INDEX sample_by_updated_at ON sample(dataset_id, updated_at, uuid);
                CREATE INDEX sample_by_priority ON sample(dataset_id, priority, uuid);
                CREATE INDEX sample_by_gt_label_updated_at ON sample(dataset_id, gt_label_updated_at, uuid);
                CREATE INDEX sample_by_gt_label_status ON sample(dataset_id, gt_label_status, name);

                -- One row per metadata key of a sample, the value rendered as the
                -- filter compares it (JSONValue.displayString).
                CREATE TABLE sample_metadata (
                    sample_id INTEGER NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
                    meta_key TEXT NOT NULL,
                    meta_value TEXT NOT NULL,
                    PRIMARY KEY (sample_id, meta_key)
                ) WITHOUT ROWID;
                CREATE INDEX sample_metadata_lookup ON sample_metadata(meta_key, meta_value, sample_id);

                CREATE TABLE label (
                    id INTEGER PRIMARY KEY,
                    sample_id INTEGER NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
                    labelset_id INTEGER NOT NULL REFERENCES labelset(id) ON DELETE CASCADE,
                    label_status TEXT NOT NULL,
                    attributes TEXT,
                    score REAL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    reviewed_by TEXT,
                    reviewed_at TEXT,
                    UNIQUE (sample_id, labelset_id)
                );
                CREATE INDEX label_by_labelset ON label(labelset_id, label_status);

                CREATE TABLE issue (
                    id INTEGER PRIMARY KEY,
                    uuid TEXT NOT NULL UNIQUE,
                    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    sample_id INTEGER NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
                    description TEXT NOT NULL,
                    status TEXT NOT NULL,
                    anchor TEXT,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX issue_by_dataset ON issue(dataset_id, created_at);
                CREATE INDEX issue_by_sample ON issue(sample_id);
                CREATE TABLE issue_comment (
                    id INTEGER PRIMARY KEY,
                    issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,
                    text TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE INDEX issue_comment_by_issue ON issue_comment(issue_id);

                CREATE TABLE dataset_release (
                    id INTEGER PRIMARY KEY,
                    uuid TEXT NOT NULL UNIQUE,
                    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL,
                    status_info TEXT,
                    file_path TEXT,
                    samples_count INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL,
                    UNIQUE (dataset_id, name)
                );
                CREATE INDEX dataset_release_by_status ON dataset_release(status);

                CREATE TABLE workunit (
                    id INTEGER PRIMARY KEY,
                    uuid TEXT NOT NULL UNIQUE,
                    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    sample_uuid TEXT NOT NULL,
                    sample_name TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    work_type TEXT NOT NULL,
                    next_label_status TEXT,
                    time INTEGER NOT NULL,
                    inactive_time INTEGER NOT NULL
                );
                CREATE INDEX workunit_by_dataset ON workunit(dataset_id, created_at, uuid);

                CREATE TABLE asset (
                    id INTEGER PRIMARY KEY,
                    uuid TEXT NOT NULL UNIQUE,
                    filename TEXT NOT NULL,
                    storage_key TEXT NOT NULL UNIQUE,
                    content_type TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    uploaded INTEGER NOT NULL DEFAULT 0
                );

                CREATE TABLE workspace_setting (
                    name TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                """)
    }

    /// A status filter sorted by anything but the name (which `sample_by_gt_label_status`
    /// serves) reads its page from one of these, however rare the status: one index per sort,
    /// as `SampleListing.plan` asks for them (several statuses: one arm each, merged).
    static let statusSortIndexes = [
        "CREATE INDEX sample_by_status_created_at ON sample(dataset_id, gt_label_status, created_at, uuid)",
        "CREATE INDEX sample_by_status_updated_at ON sample(dataset_id, gt_label_status, updated_at, uuid)",
        "CREATE INDEX sample_by_status_priority ON sample(dataset_id, gt_label_status, priority, uuid)",
        "CREATE INDEX sample_by_status_gt_label_updated_at"
            + " ON sample(dataset_id, gt_label_status, gt_label_updated_at, uuid)",
    ]

    private static func createStatusSortIndexes(_ db: Database) throws {
        for statement in statusSortIndexes { try db.execute(sql: statement) }
    }
}
