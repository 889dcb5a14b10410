import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import fr from '@/locales/fr/reports.json';
import nl from '@/locales/nl/reports.json';
import { reportCsv, type CsvFigure } from './csv';
import { csvWords } from './csv-words';

async function wordsIn(lng: 'fr' | 'nl') {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources: { fr: { reports: fr }, nl: { reports: nl } },
    interpolation: { escapeValue: false },
  });
  return csvWords(i18n.getFixedT(lng, 'reports'));
}

const figures: CsvFigure[] = [
  {
    pole: 'connect',
    label: 'Participants',
    unit: 'count',
    value: 1195,
    breakdowns: [
      {
        dimension: 'sector',
        rows: [
          { label: 'Santé mentale', value: 12, share: 0.3529 },
          { label: 'Aide "sociale"; CPAS', value: 22, share: 0.6471 },
        ],
      },
    ],
  },
  { pole: 'association', label: 'Cocom', unit: 'money', value: 921916.32, breakdowns: [] },
  { pole: 'association', label: 'Part Cocom', unit: 'share', value: 0.7097, breakdowns: [] },
  { pole: 'connect', label: '=Groupes', unit: 'count', value: null, breakdowns: [] },
];

const bytes = (text: string) => [...new TextEncoder().encode(text)];

describe('the report as CSV for Belgian Excel', () => {
  it('is UTF-8 with a BOM, semicolons, CRLF, decimal commas, dd/mm/yyyy dates and French headings', async () => {
    const csv = reportCsv({ from: '2020-01-01', to: '2020-12-31', figures }, await wordsIn('fr'));
    expect(bytes(csv).slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toBe(
      '\uFEFF' +
        [
          'Du;Au;Pôle;Indicateur;Répartition;Valeur;Unité;Part (%)',
          '01/01/2020;31/12/2020;Connect;Participants;;1195;nombre;',
          '01/01/2020;31/12/2020;Connect;Participants;Secteur : Santé mentale;12;nombre;35,29',
          '01/01/2020;31/12/2020;Connect;Participants;"Secteur : Aide ""sociale""; CPAS";22;nombre;64,71',
          '01/01/2020;31/12/2020;Association;Cocom;;921916,32;€;',
          '01/01/2020;31/12/2020;Association;Part Cocom;;70,97;%;',
          "01/01/2020;31/12/2020;Connect;'=Groupes;;;nombre;",
        ].join('\r\n') +
        '\r\n',
    );
    // "é" is two bytes in UTF-8 (c3 a9), never Windows-1252's single e9.
    expect(bytes(csv)).toContain(0xc3);
    expect(bytes(csv)).not.toContain(0xe9);
  });

  it('speaks Dutch to a Dutch-speaking user', async () => {
    const csv = reportCsv(
      { from: '2020-07-01', to: '2020-12-31', figures: figures.slice(0, 1) },
      await wordsIn('nl'),
    );
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFVan;Tot en met;Pool;Indicator;Verdeling;Waarde;Eenheid;Aandeel (%)',
      '01/07/2020;31/12/2020;Connect;Participants;;1195;aantal;',
      '01/07/2020;31/12/2020;Connect;Participants;Sector: Santé mentale;12;aantal;35,29',
    ]);
  });
});
