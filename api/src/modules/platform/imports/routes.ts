import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  IMPORT_KINDS,
  ImportFieldList,
  ImportMapping,
  ImportMappingList,
  MappingParams,
  SaveMappingBody,
  ImportParams,
  ImportQuery,
  ImportReport,
  ImportRunList,
  ImportRunListQuery,
  Problem,
  TemplateQuery,
} from '@smes/shared';
import type { ReadDeclaration } from '../../../access/reads.js';
import { serviceContext } from '../../../plugins/app/auth.js';
import { ifMatchOf } from '../../../plugins/app/versions.js';
import { IMPORT_KIND_DEFINITIONS } from '../../import-kinds.js';
import { READ_DEFAULTS } from './reader/index.js';
import * as imports from './service.js';

const denied = { 401: Problem, 403: Problem };
const tags = ['imports'];
const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/**
 * A kind whose report names sensitive records (Support's log: persons' codes, impasses) is read
 * as they are: a purpose, and the records its rows name logged (decision 21). One declaration
 * per kind any import shows; each applies to the imports of the kinds that show it.
 */
const shownKinds = [...new Set(IMPORT_KINDS.flatMap((k) => IMPORT_KIND_DEFINITIONS[k].shows ?? []))];
const readsOfReport: ReadDeclaration[] = shownKinds.map((shown) => ({
  kind: (request) => {
    const { kind } = request.params as { kind?: string };
    const definition = (IMPORT_KIND_DEFINITIONS as Record<string, { shows?: readonly string[] }>)[kind ?? ''];
    return definition?.shows?.includes(shown) ? shown : null;
  },
  ids: (payload) =>
    ((payload as ImportReport).preview ?? []).flatMap((p) =>
      (p.records ?? []).filter((r) => r.kind === shown).map((r) => r.id),
    ),
}));

/**
 * /api/imports. The file is the request body, as sent by the browser's `fetch(file)`; its name
 * comes in the query. The reader refuses oversize files itself, with its own reason, so the
 * route lets a little more than its limit through.
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: READ_DEFAULTS.maxBytes + 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/:kind',
    {
      config: { access: { resource: 'imports', action: 'create' }, reads: readsOfReport },
      bodyLimit: READ_DEFAULTS.maxBytes + 1024 * 1024,
      schema: {
        operationId: 'runImport',
        tags,
        params: ImportParams,
        querystring: ImportQuery,
        response: { 200: ImportReport, 400: Problem, 404: Problem, 413: Problem, 415: Problem, ...denied },
      },
    },
    async (request) => {
      const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
      return imports.runImport({
        ctx: serviceContext(app, request),
        input: {
          kind: request.params.kind,
          file: { name: request.query.fileName, bytes },
          dryRun: request.query.dryRun ?? false,
          mapping: request.query.mapping,
          saveMapping: request.query.saveMapping,
          via: 'api',
        },
      });
    },
  );

  app.get(
    '/',
    {
      config: { access: { resource: 'imports', action: 'read' } },
      schema: {
        operationId: 'listImportRuns',
        tags,
        querystring: ImportRunListQuery,
        response: { 200: ImportRunList, 400: Problem, ...denied },
      },
    },
    async (request) =>
      imports.listImportRuns({
        ctx: serviceContext(app, request),
        page: request.query.page,
        pageSize: request.query.pageSize,
      }),
  );

  app.get(
    '/:kind/fields',
    {
      config: { access: { resource: 'imports', action: 'read' } },
      schema: {
        operationId: 'listImportFields',
        tags,
        params: ImportParams,
        response: { 200: ImportFieldList, 400: Problem, ...denied },
      },
    },
    async (request) => imports.importFields({ ctx: serviceContext(app, request), kind: request.params.kind }),
  );

  app.get(
    '/:kind/mappings',
    {
      config: { access: { resource: 'imports', action: 'read' } },
      schema: {
        operationId: 'listImportMappings',
        tags,
        params: ImportParams,
        response: { 200: ImportMappingList, 400: Problem, ...denied },
      },
    },
    async (request) =>
      imports.listImportMappings({ ctx: serviceContext(app, request), kind: request.params.kind }),
  );

  app.put(
    '/:kind/mappings/:name',
    {
      config: { access: { resource: 'imports', action: 'create' }, putCreates: true },
      schema: {
        operationId: 'saveImportMapping',
        tags,
        params: MappingParams,
        body: SaveMappingBody,
        response: { 200: ImportMapping, 400: Problem, ...denied },
      },
    },
    async (request) =>
      imports.saveImportMapping({
        ctx: serviceContext(app, request),
        kind: request.params.kind,
        name: request.params.name,
        columns: request.body.columns,
        ifMatch: ifMatchOf(request),
        createOnly: request.createOnly,
      }),
  );

  app.get(
    '/:kind/template',
    {
      config: { access: { resource: 'imports', action: 'read' } },
      schema: {
        operationId: 'downloadImportTemplate',
        tags,
        params: ImportParams,
        querystring: TemplateQuery,
        response: { 200: Type.String(), 400: Problem, ...denied },
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const { lang } = request.query;
      imports.importFields({ ctx: serviceContext(app, request), kind }); // readers of the kind only
      const name = `${lang === 'fr' ? 'modele' : 'sjabloon'}-${kind}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(imports.importTemplate(kind, lang));
    },
  );
};

export default routes;
