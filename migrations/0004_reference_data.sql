-- Reference lists with their French and Dutch labels. Administrators can add, rename and retire
-- items afterwards; codes stay stable so that code and imports can name them.
INSERT INTO reference_items (kind, code, label_fr, label_nl, postal_codes, sort_order) VALUES
  ('sector', 'homeless', 'Aide aux sans-abri', 'Thuislozenzorg', '{}'::text[], 0),
  ('sector', 'general_social', 'Aide sociale générale (CPAS, aide à domicile)', 'Algemeen welzijnswerk (OCMW, thuiszorg)', '{}'::text[], 10),
  ('sector', 'general_health', 'Santé générale (maisons médicales)', 'Algemene gezondheidszorg (wijkgezondheidscentra)', '{}'::text[], 20),
  ('sector', 'mental_health', 'Santé mentale', 'Geestelijke gezondheidszorg', '{}'::text[], 30),
  ('sector', 'disability', 'Handicap', 'Personen met een handicap', '{}'::text[], 40),
  ('sector', 'addiction', 'Assuétudes', 'Verslavingszorg', '{}'::text[], 50),
  ('sector', 'housing', 'Logement (union des locataires, SISP, AIS)', 'Huisvesting (huurdersbond, OVM, SVK)', '{}'::text[], 60),
  ('sector', 'justice', 'Aide juridique et aide aux justiciables', 'Juridische bijstand en justitieel welzijnswerk', '{}'::text[], 70),
  ('sector', 'migrants', 'Aide aux migrants', 'Hulp aan migranten', '{}'::text[], 80),
  ('sector', 'youth', 'Aide à la jeunesse', 'Jeugdhulp', '{}'::text[], 90),
  ('sector', 'early_childhood', 'Petite enfance', 'Vroege kindertijd', '{}'::text[], 100),
  ('sector', 'public_services', 'Services publics et administratifs', 'Openbare en administratieve diensten', '{}'::text[], 110),
  ('sector', 'employment', 'Insertion socioprofessionnelle', 'Socioprofessionele inschakeling', '{}'::text[], 120),
  ('sector', 'prevention', 'Prévention et sécurité', 'Preventie en veiligheid', '{}'::text[], 130),
  ('sector', 'other', 'Autre', 'Andere', '{}'::text[], 140)
ON CONFLICT (kind, code) DO NOTHING;
--> statement-breakpoint
INSERT INTO reference_items (kind, code, label_fr, label_nl, postal_codes, sort_order) VALUES
  ('commune', 'anderlecht', 'Anderlecht', 'Anderlecht', ARRAY['1070']::text[], 0),
  ('commune', 'auderghem', 'Auderghem', 'Oudergem', ARRAY['1160']::text[], 10),
  ('commune', 'berchem_sainte_agathe', 'Berchem-Sainte-Agathe', 'Sint-Agatha-Berchem', ARRAY['1082']::text[], 20),
  ('commune', 'bruxelles', 'Bruxelles', 'Brussel', ARRAY['1000','1020','1120','1130']::text[], 30),
  ('commune', 'etterbeek', 'Etterbeek', 'Etterbeek', ARRAY['1040']::text[], 40),
  ('commune', 'evere', 'Evere', 'Evere', ARRAY['1140']::text[], 50),
  ('commune', 'forest', 'Forest', 'Vorst', ARRAY['1190']::text[], 60),
  ('commune', 'ganshoren', 'Ganshoren', 'Ganshoren', ARRAY['1083']::text[], 70),
  ('commune', 'ixelles', 'Ixelles', 'Elsene', ARRAY['1050']::text[], 80),
  ('commune', 'jette', 'Jette', 'Jette', ARRAY['1090']::text[], 90),
  ('commune', 'koekelberg', 'Koekelberg', 'Koekelberg', ARRAY['1081']::text[], 100),
  ('commune', 'molenbeek_saint_jean', 'Molenbeek-Saint-Jean', 'Sint-Jans-Molenbeek', ARRAY['1080']::text[], 110),
  ('commune', 'saint_gilles', 'Saint-Gilles', 'Sint-Gillis', ARRAY['1060']::text[], 120),
  ('commune', 'saint_josse_ten_noode', 'Saint-Josse-ten-Noode', 'Sint-Joost-ten-Node', ARRAY['1210']::text[], 130),
  ('commune', 'schaerbeek', 'Schaerbeek', 'Schaarbeek', ARRAY['1030']::text[], 140),
  ('commune', 'uccle', 'Uccle', 'Ukkel', ARRAY['1180']::text[], 150),
  ('commune', 'watermael_boitsfort', 'Watermael-Boitsfort', 'Watermaal-Bosvoorde', ARRAY['1170']::text[], 160),
  ('commune', 'woluwe_saint_lambert', 'Woluwe-Saint-Lambert', 'Sint-Lambrechts-Woluwe', ARRAY['1200']::text[], 170),
  ('commune', 'woluwe_saint_pierre', 'Woluwe-Saint-Pierre', 'Sint-Pieters-Woluwe', ARRAY['1150']::text[], 180),
  ('commune', 'outside_brussels', 'Hors Région bruxelloise', 'Buiten het Brussels Gewest', '{}'::text[], 190)
ON CONFLICT (kind, code) DO NOTHING;
--> statement-breakpoint
INSERT INTO reference_items (kind, code, label_fr, label_nl, postal_codes, sort_order) VALUES
  ('organisation_type', 'nonprofit', 'ASBL', 'VZW', '{}'::text[], 0),
  ('organisation_type', 'sisp', 'SISP (logement social)', 'OVM (sociale huisvesting)', '{}'::text[], 10),
  ('organisation_type', 'ais', 'AIS (agence immobilière sociale)', 'SVK (sociaal verhuurkantoor)', '{}'::text[], 20),
  ('organisation_type', 'commune', 'Commune', 'Gemeente', '{}'::text[], 30),
  ('organisation_type', 'cpas', 'CPAS', 'OCMW', '{}'::text[], 40),
  ('organisation_type', 'hospital', 'Hôpital', 'Ziekenhuis', '{}'::text[], 50),
  ('organisation_type', 'mental_health_service', 'Service de santé mentale', 'Centrum voor geestelijke gezondheidszorg', '{}'::text[], 60),
  ('organisation_type', 'medical_house', 'Maison médicale', 'Wijkgezondheidscentrum', '{}'::text[], 70),
  ('organisation_type', 'public_service', 'Service public', 'Openbare dienst', '{}'::text[], 80),
  ('organisation_type', 'private_owner', 'Propriétaire privé', 'Privé-eigenaar', '{}'::text[], 90),
  ('organisation_type', 'other', 'Autre', 'Andere', '{}'::text[], 100)
ON CONFLICT (kind, code) DO NOTHING;
--> statement-breakpoint
INSERT INTO reference_items (kind, code, label_fr, label_nl, postal_codes, sort_order) VALUES
  ('language', 'fr', 'Français', 'Frans', '{}'::text[], 0),
  ('language', 'nl', 'Néerlandais', 'Nederlands', '{}'::text[], 10),
  ('language', 'en', 'Anglais', 'Engels', '{}'::text[], 20),
  ('language', 'other', 'Autre langue', 'Andere taal', '{}'::text[], 30)
ON CONFLICT (kind, code) DO NOTHING;
