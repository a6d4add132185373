-- The Postgres search engine's SQL side (search/postgres-engine.server.ts): how a search
-- document becomes the text vectors of search_documents, and how a query's words become a
-- tsquery. Both live here so that indexing and querying fold and stem text the same way.

-- Text as search compares it: accents folded and lower-cased, as search/text.ts foldWord does.
CREATE FUNCTION search_fold(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(immutable_unaccent(coalesce(body, ''))) $$;
--> statement-breakpoint

-- One field's vector: stemmed words (plurals and inflections find each other) plus the exact
-- words (the 'simple' configuration, for exact and prefix matches and for stop words).
CREATE FUNCTION search_field_tsv(config regconfig, body text, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(
      CASE WHEN config = 'simple'::regconfig THEN to_tsvector('simple', folded)
           ELSE to_tsvector(config, folded) || to_tsvector('simple', folded) END,
      weight)
    FROM search_fold(body) AS folded
  $$;
--> statement-breakpoint

-- A field present in every language (title_en, title_es...), each stemmed in its own language.
-- PostgreSQL has no Galician; Portuguese, its nearest relative, stems it best.
CREATE FUNCTION search_localized_tsv(document jsonb, field text, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT search_field_tsv('english', document ->> (field || '_en'), weight)
      || search_field_tsv('spanish', document ->> (field || '_es'), weight)
      || search_field_tsv('portuguese', document ->> (field || '_pt'), weight)
      || search_field_tsv('portuguese', document ->> (field || '_gl'), weight)
  $$;
--> statement-breakpoint

-- Names written in all four languages at once (classifications, therapeutic areas): stemmed by
-- every configuration, since each name is in one of them.
CREATE FUNCTION search_names_tsv(names jsonb, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('english', folded) || to_tsvector('spanish', folded)
      || to_tsvector('portuguese', folded) || to_tsvector('simple', folded), weight)
    FROM (SELECT search_fold(string_agg(name, ', ')) AS folded
          FROM jsonb_array_elements_text(coalesce(names, '[]'::jsonb)) AS name) all_names
  $$;
--> statement-breakpoint

-- The public tier's text, weighted: A titles and startup name, B summaries and classification
-- names, C city.
CREATE FUNCTION search_public_tsv(document jsonb) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT search_localized_tsv(document, 'title', 'A')
      || search_field_tsv('simple', document ->> 'startupName', 'A')
      || search_localized_tsv(document, 'summary', 'B')
      || search_names_tsv(document -> 'classificationNames', 'B')
      || search_field_tsv('simple', document ->> 'city', 'C')
  $$;
--> statement-breakpoint

-- What the verified tier adds: C therapeutic area names, D descriptions.
CREATE FUNCTION search_verified_tsv(document jsonb) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT search_names_tsv(document -> 'therapeuticAreaNames', 'C')
      || search_localized_tsv(document, 'description', 'D')
  $$;
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
    SELECT search_tsquery_and(word_query) FROM (
      SELECT CASE WHEN token.position = jsonb_array_length(alternatives) AND cleaned.prefix <> ''
                  THEN search_tsquery_or(DISTINCT lexemes) || to_tsquery('simple', cleaned.prefix || ':*')
                  ELSE search_tsquery_or(DISTINCT lexemes) END AS word_query
      FROM jsonb_array_elements(alternatives) WITH ORDINALITY AS token(words, position)
      CROSS JOIN LATERAL jsonb_array_elements_text(token.words) AS alternative
      CROSS JOIN LATERAL unnest(ARRAY['english', 'spanish', 'portuguese', 'simple']::regconfig[]) AS config
      CROSS JOIN LATERAL plainto_tsquery(config, search_fold(alternative)) AS lexemes
      CROSS JOIN (SELECT regexp_replace(search_fold(prefix), '[^[:alnum:]]+', '', 'g') AS prefix) cleaned
      WHERE numnode(lexemes) > 0
      GROUP BY token.position, cleaned.prefix
    ) per_word
  $$;
