--
-- PostgreSQL database dump
--

\restrict InVeNtOrYkEy

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET client_min_messages = warning;

\connect inventory

CREATE SCHEMA "Inventory";

ALTER SCHEMA "Inventory" OWNER TO inventory_owner;

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';

CREATE FUNCTION "Inventory".on_hand(p_item integer) RETURNS bigint
    LANGUAGE plpgsql STABLE
    AS $body$
DECLARE
  total bigint;
BEGIN
  SELECT coalesce(sum(m.delta), 0) INTO total
  FROM "Inventory"."StockMoves" m
  WHERE m.item_id = p_item; -- a ';' and a quote ' inside the body
  RETURN total;
END;
$body$;

CREATE TABLE "Inventory".warehouses (
    code text NOT NULL,
    "displayName" text NOT NULL
);

CREATE TABLE "Inventory".bins (
    warehouse_code text NOT NULL,
    bin_no integer NOT NULL,
    label text
);

CREATE TABLE "Inventory".items (
    id integer NOT NULL,
    sku text NOT NULL,
    title text NOT NULL
);

CREATE SEQUENCE "Inventory".items_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE "Inventory".items_id_seq OWNED BY "Inventory".items.id;

ALTER TABLE ONLY "Inventory".items ALTER COLUMN id SET DEFAULT nextval('"Inventory".items_id_seq'::regclass);

CREATE TABLE "Inventory"."StockMoves" (
    id bigint NOT NULL,
    warehouse_code text NOT NULL,
    bin_no integer NOT NULL,
    item_id integer NOT NULL,
    delta integer NOT NULL,
    note text
);

ALTER TABLE "Inventory"."StockMoves" ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME "Inventory"."StockMoves_id_seq"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE "Inventory"."StockMoves" OWNER TO inventory_owner;

COPY "Inventory".warehouses (code, "displayName") FROM stdin;
LYS	Lyon South
OSA	Osaka Port
\.

COPY "Inventory".bins (warehouse_code, bin_no, label) FROM stdin;
LYS	1	A-01
LYS	2	\N
OSA	1	tab\there
\.

COPY "Inventory".items (id, sku, title) FROM stdin;
1	SKU-001	Ceramic mug
2	SKU-002	Linen towel; blue
3	SKU-003	It's a "kettle"
\.

INSERT INTO "Inventory".items (id, sku, title) VALUES (4, 'SKU-004', 'Teapot; with lid');

COPY "Inventory"."StockMoves" (id, warehouse_code, bin_no, item_id, delta, note) FROM stdin;
1	LYS	1	1	10	first delivery
2	LYS	1	1	-2	\N
3	LYS	2	2	5	back\\slash
4	OSA	1	3	7	\N
5	OSA	1	4	1	\N
\.

ALTER TABLE ONLY "Inventory".warehouses
    ADD CONSTRAINT warehouses_pkey PRIMARY KEY (code);

ALTER TABLE ONLY "Inventory".bins
    ADD CONSTRAINT bins_pkey PRIMARY KEY (warehouse_code, bin_no);

ALTER TABLE ONLY "Inventory".items
    ADD CONSTRAINT items_pkey PRIMARY KEY (id);

ALTER TABLE ONLY "Inventory".items
    ADD CONSTRAINT items_sku_key UNIQUE (sku);

ALTER TABLE ONLY "Inventory"."StockMoves"
    ADD CONSTRAINT "StockMoves_pkey" PRIMARY KEY (id);

ALTER TABLE ONLY "Inventory".bins
    ADD CONSTRAINT bins_warehouse_code_fkey FOREIGN KEY (warehouse_code) REFERENCES "Inventory".warehouses(code) ON DELETE CASCADE;

ALTER TABLE ONLY "Inventory"."StockMoves"
    ADD CONSTRAINT "StockMoves_bin_fkey" FOREIGN KEY (warehouse_code, bin_no) REFERENCES "Inventory".bins(warehouse_code, bin_no) ON DELETE CASCADE;

ALTER TABLE ONLY "Inventory"."StockMoves"
    ADD CONSTRAINT "StockMoves_item_id_fkey" FOREIGN KEY (item_id) REFERENCES "Inventory".items(id);

GRANT USAGE ON SCHEMA "Inventory" TO reporting;

-- a setting only a newer server knows
SET future_timeout = 0;

\unrestrict InVeNtOrYkEy
