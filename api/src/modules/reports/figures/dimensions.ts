import type { FigureDimension, FigureLabel } from '@smes/shared';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * Reusable breakdowns, written once. Each names the record column it needs (a figure whose
 * records query does not select it cannot declare the dimension) and groups the figure's records
 * (`r`) by it, with the figure's own aggregate. Rows come with FR and NL labels; the SPA sorts.
 */
export interface Dimension {
  key: FigureDimension;
  needs: 'organisationId' | 'language' | 'date' | 'sectorIds';
  query(records: SQLWrapper, aggregate: SQL): SQL;
  /** The records `r` in one row of the breakdown (its `key`). */
  where(key: string): SQL;
}

/**
 * A breakdown by a reference list that the records' organisations point to (sectors, communes):
 * `link` joins the records `r` to the list's ids (`ref_id`) and names the organisations of one.
 */
function organisationReference(
  key: 'sector' | 'commune',
  link: { join: SQL; organisationsOf: (id: string) => SQL },
): Dimension {
  return {
    key,
    needs: 'organisationId',
    query: (records, aggregate) => sql`
      select ref.id::text as key, ref.label_fr as fr, ref.label_nl as nl, ${aggregate} as value
      from (${records}) as r
      ${link.join}
      join reference_items ref on ref.id = link.ref_id and ref.kind = ${key}
      group by ref.id, ref.label_fr, ref.label_nl`,
    where: (id) => sql`r."organisationId" in (${link.organisationsOf(id)})`,
  };
}

/** An institution in two sectors counts in each: the join yields its records once per sector. */
const sector = organisationReference('sector', {
  join: sql`join (select organisation_id, sector_id as ref_id from organisation_sectors) as link
    on link.organisation_id = r."organisationId"`,
  organisationsOf: (id) =>
    sql`select os.organisation_id from organisation_sectors os where os.sector_id::text = ${id}`,
});

const commune = organisationReference('commune', {
  join: sql`join (select id, commune_id as ref_id from organisations) as link on link.id = r."organisationId"`,
  organisationsOf: (id) => sql`select o.id from organisations o where o.commune_id::text = ${id}`,
});

const LANGUAGES: Record<string, FigureLabel> = {
  fr: { fr: 'Français', nl: 'Frans' },
  nl: { fr: 'Néerlandais', nl: 'Nederlands' },
};

const language: Dimension = {
  key: 'language',
  needs: 'language',
  query: (records, aggregate) => sql`
    select r."language"::text as key,
      case r."language" when 'fr' then ${LANGUAGES.fr!.fr} when 'nl' then ${LANGUAGES.nl!.fr} else r."language" end as fr,
      case r."language" when 'fr' then ${LANGUAGES.fr!.nl} when 'nl' then ${LANGUAGES.nl!.nl} else r."language" end as nl,
      ${aggregate} as value
    from (${records}) as r
    where r."language" is not null
    group by r."language"`,
  where: (key) => sql`r."language"::text = ${key}`,
};

/** Calendar years of the records' days: a period of several years, counted per year. */
const year: Dimension = {
  key: 'year',
  needs: 'date',
  query: (records, aggregate) => sql`
    select y.key, y.key as fr, y.key as nl, ${aggregate} as value
    from (${records}) as r
    cross join lateral (select extract(year from r."date")::int::text as key) as y
    where r."date" is not null
    group by y.key`,
  where: (key) => sql`extract(year from r."date")::int::text = ${key}`,
};

/** The row of a breakdown by sectors kept on the records for those without any (non-professionals). */
export const APART = 'apart';
const APART_LABEL: FigureLabel = {
  fr: 'Non-professionnel·les (hors secteur)',
  nl: 'Niet-professionals (buiten sector)',
};

/**
 * The sector dimension for records that keep their sectors (`sectorIds`, the sectors of the day
 * the record was made): a record in two sectors counts in each (one row per sector it holds), and
 * a record without (null, a non-professional requester) is counted apart in the row `apart`,
 * never as a sector. Shares stay of the whole figure.
 */
const sectorOnRecord: Dimension = {
  key: 'sector',
  needs: 'sectorIds',
  query: (records, aggregate) => sql`
    select ref.id::text as key, ref.label_fr as fr, ref.label_nl as nl, ${aggregate} as value
    from (${records}) as r
    cross join lateral unnest(r."sectorIds") as link(ref_id)
    join reference_items ref on ref.id = link.ref_id and ref.kind = 'sector'
    group by ref.id, ref.label_fr, ref.label_nl
    union all
    select ${APART}, ${APART_LABEL.fr}, ${APART_LABEL.nl}, ${aggregate}
    from (${records}) as r
    where r."sectorIds" is null
    having count(*) > 0`,
  where: (key) =>
    key === APART
      ? sql`r."sectorIds" is null`
      : sql`exists (select 1 from unnest(r."sectorIds") as s(id) where s.id::text = ${key})`,
};

export const DIMENSIONS: Record<FigureDimension, Dimension> = { sector, commune, language, year };

/** The dimension `key` of a figure: sectors kept on its records when it says so. */
export function dimensionOf(figure: { sectorsOnRecord?: boolean }, key: FigureDimension): Dimension {
  return key === 'sector' && figure.sectorsOnRecord ? sectorOnRecord : DIMENSIONS[key];
}
