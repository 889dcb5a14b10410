-- The distinctive part of an organisation's folded names (search_key), which near-duplicates are
-- matched on (decision 8): Brussels and its communes, legal forms, public bodies (CPAS/OCMW),
-- kinds of places (maison, huis, centre, service, médicale) and the little words between them
-- are dropped, so "CPAS d'Ixelles" and "CPAS de Forest" are not alike while
-- "Ilot maison d'accueil" lies within "L'Îlot — Maison d'accueil Sainte-Élisabeth".
-- A name made only of such words keeps them all. Immutable: a generated column uses it.
CREATE FUNCTION directory_distinctive_name(search_key text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(
    nullif(btrim(regexp_replace(regexp_replace(regexp_replace(
      ' ' || replace(search_key, '|', ' ') || ' ',
      -- Brussels and its communes (FR and NL), several words each
      '\m(bruxelles|brussel|brussels|anderlecht|auderghem|oudergem|berchem sainte agathe|sint agatha berchem|etterbeek|evere|forest|vorst|ganshoren|ixelles|elsene|jette|koekelberg|molenbeek saint jean|sint jans molenbeek|molenbeek|saint gilles|sint gillis|saint josse ten noode|sint joost ten node|saint josse|sint joost|schaerbeek|schaarbeek|uccle|ukkel|watermael boitsfort|watermaal bosvoorde|woluwe saint lambert|sint lambrechts woluwe|woluwe saint pierre|sint pieters woluwe|laeken|laken|haren|neder over heembeek)\M', ' ', 'g'),
      -- legal forms, public bodies, kinds of places and the little words between them
      '\m(asbl|vzw|aisbl|ivzw|sprl|bvba|srl|bv|sa|nv|scrl|cvba|fondation|stichting|cpas|ocmw|maison|maisons|huis|centre|centrum|service|services|dienst|diensten|medicale|medisch|medische|l|la|le|les|de|d|du|des|het|van|der|den|en|et|a|au|aux|voor|pour|te|ten|op|sur)\M', ' ', 'g'),
      '\s+', ' ', 'g')), ''),
    btrim(regexp_replace(replace(search_key, '|', ' '), '\s+', ' ', 'g')))
$$;
