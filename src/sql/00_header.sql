-- news_analysis install script, assembled from src/sql/*.sql by the Makefile.
\echo Use "CREATE EXTENSION news_analysis" to load this file. \quit

COMMENT ON SCHEMA news_analysis IS
  'news_analysis: tokens, sentences, quotes and speakers, and vote events of news articles';
