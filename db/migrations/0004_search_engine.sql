-- The Postgres search engine's SQL side (search/postgres-engine.server.ts): how a search
-- document becomes the text vectors of search_documents, how a query's words become a tsquery,
-- and what keeps its queries fast. Indexing and querying fold and stem text the same way.

-- Text as search compares it: accents folded and lower-cased, as search/text.ts foldWord does.
CREATE FUNCTION search_fold(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.immutable_unaccent(coalesce(body, ''))) $$;
--> statement-breakpoint

-- Each language's text stemmed in its language (plurals and inflections find each other).
-- The functions below are single expressions, so that the planner inlines them, and name the
-- schema of what they call (index builds run with an empty search_path).
CREATE FUNCTION search_stemmed_tsv(english text, spanish text, portuguese text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT to_tsvector('english', public.search_fold(english)) || to_tsvector('spanish', public.search_fold(spanish))
      || to_tsvector('portuguese', public.search_fold(portuguese))
  $$;
--> statement-breakpoint

-- One weight's vector: the stemmed words, and every text of the weight as written ('simple':
-- exact and prefix matches, stop words too).
CREATE FUNCTION search_weighted_tsv(english text, spanish text, portuguese text, simple text, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(public.search_stemmed_tsv(english, spanish, portuguese) || to_tsvector('simple', public.search_fold(simple)), weight)
  $$;
--> statement-breakpoint

-- A field of a search document in every language (title_en, title_es...), with `extra` text
-- of the same weight. PostgreSQL has no Galician; Portuguese, its nearest relative, stems it.
CREATE FUNCTION search_localized_tsv(document jsonb, field text, weight "char", extra text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT public.search_weighted_tsv(
      document ->> (field || '_en'),
      document ->> (field || '_es'),
      coalesce(document ->> (field || '_pt'), '') || E'\n' || coalesce(document ->> (field || '_gl'), ''),
      coalesce(document ->> (field || '_en'), '') || E'\n' || coalesce(document ->> (field || '_es'), '') || E'\n'
        || coalesce(document ->> (field || '_pt'), '') || E'\n' || coalesce(document ->> (field || '_gl'), '') || E'\n'
        || coalesce(extra, ''),
      weight)
  $$;
--> statement-breakpoint

-- Weight A: titles and the startup name. Also indexed on its own: relevance puts title matches first.
CREATE FUNCTION search_title_tsv(document jsonb) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT public.search_localized_tsv(document, 'title', 'A', document ->> 'startupName') $$;
--> statement-breakpoint

-- The public tier's vector: A titles and startup name, B summaries and classification names,
-- C city. (A list of names is read as its JSON text: the quotes and commas separate words.)
CREATE FUNCTION search_public_tsv(document jsonb) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT public.search_title_tsv(document)
      || public.search_localized_tsv(document, 'summary', 'B', document ->> 'classificationNames')
      || setweight(to_tsvector('simple', public.search_fold(document ->> 'city')), 'C')
  $$;
--> statement-breakpoint

-- The stemmed words of the descriptions (verified tier). Their words as written come from the
-- engine (search/text.ts words), with the therapeutic area names: full_tsv keeps no positions,
-- so a list of words is all it needs, and splitting them there saves parsing long texts twice.
CREATE FUNCTION search_description_stems(document jsonb) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT public.search_stemmed_tsv(
      document ->> 'description_en',
      document ->> 'description_es',
      coalesce(document ->> 'description_pt', '') || E'\n' || coalesce(document ->> 'description_gl', ''))
  $$;
--> statement-breakpoint

CREATE INDEX search_documents_title_tsv_idx ON search_documents USING gin (public.search_title_tsv(document));
--> statement-breakpoint

-- Keep the rows narrow: the vectors (and the document) live out of line, so that counting facets
-- over many rows reads only the small filter columns. Vectors are read only when ranking a page.
ALTER TABLE search_documents ALTER COLUMN public_tsv SET STORAGE EXTERNAL, ALTER COLUMN full_tsv SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE search_documents SET (toast_tuple_target = 512);
--> statement-breakpoint

-- Bumped after every committed write to the index: query answers cached by the engine are valid
-- while it stays the same.
CREATE SEQUENCE search_index_version;
--> statement-breakpoint

-- OR and AND over many tsqueries (the && and || operators as aggregates).
CREATE AGGREGATE search_tsquery_or(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);
--> statement-breakpoint
CREATE AGGREGATE search_tsquery_and(tsquery) (SFUNC = tsquery_and, STYPE = tsquery);
--> statement-breakpoint

-- A query: `alternatives` holds, per query word, the words it may match (itself, synonyms,
-- near spellings), each looked up in every configuration (whatever language the document's word
-- was stemmed in); the query words are ANDed, their alternatives ORed. `prefix`, when not empty,
-- is the last query word, also matched as the beginning of a word (search as you type). Only
-- letters and digits of it reach to_tsquery, so it cannot carry tsquery operators. NULL when no
-- word has anything to look up (nothing matches).
CREATE FUNCTION search_tsquery(alternatives jsonb, prefix text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT public.search_tsquery_and(word_query) FROM (
      SELECT CASE WHEN token.position = jsonb_array_length(alternatives) AND cleaned.prefix <> ''
                  THEN public.search_tsquery_or(DISTINCT lexemes) || to_tsquery('simple', cleaned.prefix || ':*')
                  ELSE public.search_tsquery_or(DISTINCT lexemes) END AS word_query
      FROM jsonb_array_elements(alternatives) WITH ORDINALITY AS token(words, position)
      CROSS JOIN LATERAL jsonb_array_elements_text(token.words) AS alternative
      CROSS JOIN LATERAL unnest(ARRAY['english', 'spanish', 'portuguese', 'simple']::regconfig[]) AS config
      CROSS JOIN LATERAL plainto_tsquery(config, public.search_fold(alternative)) AS lexemes
      CROSS JOIN (SELECT regexp_replace(public.search_fold(prefix), '[^[:alnum:]]+', '', 'g') AS prefix) cleaned
      WHERE numnode(lexemes) > 0
      GROUP BY token.position, cleaned.prefix
    ) per_word
  $$;
