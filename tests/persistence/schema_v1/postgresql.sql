CREATE TABLE meta (
	key VARCHAR NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY (key)
);

CREATE TABLE sessions (
	id BIGSERIAL NOT NULL, 
	title VARCHAR NOT NULL, 
	platform VARCHAR NOT NULL, 
	account VARCHAR NOT NULL, 
	start_ms BIGINT NOT NULL, 
	timezone VARCHAR NOT NULL, 
	planned_seconds INTEGER NOT NULL, 
	team JSON NOT NULL, 
	targets JSON NOT NULL, 
	ad_budget_fen BIGINT, 
	checklists JSON NOT NULL, 
	settings JSON NOT NULL, 
	is_sample BOOLEAN NOT NULL, 
	updated_ms BIGINT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_sessions_account ON sessions (account);

CREATE TABLE products (
	id BIGSERIAL NOT NULL, 
	session_id BIGINT NOT NULL, 
	position INTEGER NOT NULL, 
	product_id VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	sku VARCHAR NOT NULL, 
	daily_price_fen BIGINT, 
	live_price_fen BIGINT, 
	cost_fen BIGINT, 
	stock INTEGER, 
	mechanism VARCHAR NOT NULL, 
	selling_points VARCHAR NOT NULL, 
	pain_points VARCHAR NOT NULL, 
	endorsements VARCHAR NOT NULL, 
	faq VARCHAR NOT NULL, 
	scripts JSON NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (session_id, product_id), 
	FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE INDEX ix_products_session_id ON products (session_id);

CREATE TABLE segments (
	id BIGSERIAL NOT NULL, 
	session_id BIGINT NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	product_id VARCHAR, 
	title VARCHAR NOT NULL, 
	planned_seconds INTEGER NOT NULL, 
	owner VARCHAR NOT NULL, 
	cues JSON NOT NULL, 
	notes VARCHAR NOT NULL, 
	steps JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE INDEX ix_segments_session_id ON segments (session_id);

CREATE TABLE live_events (
	id BIGSERIAL NOT NULL, 
	session_id BIGINT NOT NULL, 
	at_ms BIGINT NOT NULL, 
	kind VARCHAR NOT NULL, 
	segment_index INTEGER, 
	step VARCHAR, 
	marker VARCHAR, 
	note VARCHAR NOT NULL, 
	product_id VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE INDEX ix_live_events_session_at ON live_events (session_id, at_ms);

CREATE INDEX ix_live_events_session_id ON live_events (session_id);

CREATE TABLE rehearsals (
	id BIGSERIAL NOT NULL, 
	session_id BIGINT, 
	product_id VARCHAR, 
	host VARCHAR NOT NULL, 
	started_ms BIGINT NOT NULL, 
	steps JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE SET NULL
);

CREATE INDEX ix_rehearsals_host ON rehearsals (host);

CREATE INDEX ix_rehearsals_product_id ON rehearsals (product_id);

CREATE TABLE datasets (
	id BIGSERIAL NOT NULL, 
	session_id BIGINT NOT NULL, 
	kind VARCHAR NOT NULL, 
	format VARCHAR NOT NULL, 
	source_name VARCHAR NOT NULL, 
	source_sha256 VARCHAR NOT NULL, 
	sheet VARCHAR, 
	imported_ms BIGINT NOT NULL, 
	rows_read INTEGER NOT NULL, 
	rows_stored INTEGER NOT NULL, 
	rows_skipped INTEGER NOT NULL, 
	warnings JSON NOT NULL, 
	meta JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE INDEX ix_datasets_kind ON datasets (kind);

CREATE INDEX ix_datasets_session_id ON datasets (session_id);

CREATE INDEX ix_datasets_source_sha256 ON datasets (source_sha256);

CREATE TABLE dataset_chunks (
	dataset_id BIGINT NOT NULL, 
	seq INTEGER NOT NULL, 
	data BYTEA NOT NULL, 
	PRIMARY KEY (dataset_id, seq), 
	FOREIGN KEY(dataset_id) REFERENCES datasets (id) ON DELETE CASCADE
);

CREATE TABLE action_items (
	id BIGSERIAL NOT NULL, 
	session_id BIGINT NOT NULL, 
	account VARCHAR NOT NULL, 
	action VARCHAR NOT NULL, 
	owner VARCHAR NOT NULL, 
	metric VARCHAR NOT NULL, 
	target FLOAT, 
	comparison VARCHAR NOT NULL, 
	finding_code VARCHAR NOT NULL, 
	subject VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	verified_session_id BIGINT, 
	verified_value FLOAT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE, 
	FOREIGN KEY(verified_session_id) REFERENCES sessions (id) ON DELETE SET NULL
);

CREATE INDEX ix_action_items_account ON action_items (account);

CREATE INDEX ix_action_items_session_id ON action_items (session_id);

CREATE TABLE preferences (
	namespace VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	value JSON NOT NULL, 
	PRIMARY KEY (namespace, name)
);
