import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { JobControl, ServiceContext } from '../services/context';
import { addContact, removeContact, updateContact } from '../services/contacts';
import { globalSearch } from '../services/global-search';
import {
  archiveCustomers,
  createCustomer,
  customerFacets,
  getCustomer,
  listCustomers,
  updateCustomer,
} from '../services/customers';
import { generateSampleCustomers } from '../services/sample-data';
import { checkDatabase, statsOverview } from '../services/stats';
import { SCHEMA_VERSION } from '../db/migrations';
import { exportCustomers, exportInquiries, exportOrders } from '../export/export-views';
import { fixUnrecognisedCountry, listPossibleDuplicates, resolvePossibleDuplicate, unrecognisedCountries } from '../services/duplicates';
import { analyzeImport, commitImport, failedRowsDownload, listImports, previewImport, undoImportBatch } from '../services/imports';

import { classifyCustomers, listRuns } from '../classify/classify';
import { currentRules, saveRules, writeCurrency } from '../classify/rules-store';
import { DEFAULT_RULES } from '../../shared/domain/classification';
import { isoNow } from '../services/context';
import { boardCards, boardColumns, moveCard } from '../services/boards';
import { deleteView, listViews, saveView } from '../services/views';
import { readPrefs, savePrefs } from '../services/prefs';
import { currencyInUse, dashboardOverview } from '../services/dashboard';

import {
  cancelFollowUp,
  completeFollowUp,
  createFollowUp,
  followUpCounts,
  listFollowUps,
  snoozeFollowUp,
  updateFollowUp,
} from '../services/followups';

import {
  churnRisk,
  createComplaint,
  createNeed,
  customerTimeline,
  listComplaints,
  listNeeds,
  needsSummary,
  updateComplaint,
  updateNeed,
} from '../services/relationship';

import {
  createCampaign,
  deleteTemplate,
  getCampaign,
  listCampaigns,
  listRecipients,
  listResponses,
  listTemplates,
  readSurveyRules,
  recordResponse,
  renameCampaign,
  saveSurveyRules,
  saveTemplate,
  surveyResults,
  surveyTrend,
  updateRecipients,
} from '../services/surveys';
import { checkResponses, importResponses, questionnaireFile, responsesSheet } from '../services/survey-files';
import { applyPlan, planPreview, readCadenceRules, saveCadenceRules } from '../services/cadence';
import type { DatabaseSafety } from '../safety/database-safety';
import type { Workspaces } from '../workspace/workspaces';
import { captureStats, findDuplicates, saveLead } from '../services/capture';

export interface EngineRuntime {
  ctx: ServiceContext;
  mode: 'worker' | 'in-process';
  appVersion: string;
  cancelJob(jobId: string): boolean;
  /** Backups, the start-up state and restoring. */
  readonly safety: DatabaseSafety;
  /** The user's database and the sample, and the data folder. */
  readonly workspaces: Workspaces;
}

type Handler<C extends Channel> = (
  rt: EngineRuntime,
  input: ChannelParsedInput<C>,
  job: JobControl,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** One handler per channel of the contract; the type makes a missing or extra one a compile error. */
export const handlers: { [C in Channel]: Handler<C> } = {
  'app.info': (rt) => ({ version: rt.appVersion, dbPath: rt.ctx.dbPath, schemaVersion: SCHEMA_VERSION, engine: rt.mode }),
  'customers.list': (rt, input) => listCustomers(rt.ctx, input),
  'customers.facets': (rt, input) => customerFacets(rt.ctx, input),
  'customers.get': (rt, input) => getCustomer(rt.ctx, input.id),
  'search.global': (rt, input) => globalSearch(rt.ctx, input),
  'customers.create': (rt, input) => createCustomer(rt.ctx, input),
  'customers.update': (rt, input) => updateCustomer(rt.ctx, input.id, input.version, input.patch),
  'customers.archive': (rt, input) => archiveCustomers(rt.ctx, input.ids, input.archived),
  'customers.fixCountry': (rt, input) => fixUnrecognisedCountry(rt.ctx, input),
  'customers.unrecognisedCountries': (rt) => unrecognisedCountries(rt.ctx),
  'duplicates.list': (rt, input) => listPossibleDuplicates(rt.ctx, input),
  'duplicates.resolve': (rt, input) => resolvePossibleDuplicate(rt.ctx, input),
  'contacts.add': (rt, input) => addContact(rt.ctx, input.customerId, input.contact),
  'contacts.update': (rt, input) => updateContact(rt.ctx, input.id, input.contact),
  'contacts.remove': (rt, input) => removeContact(rt.ctx, input.id),
  'stats.overview': (rt) => statsOverview(rt.ctx),
  'db.check': (rt, input) => checkDatabase(rt.ctx, input.full),
  'sample.generate': (rt, input, job) => generateSampleCustomers(rt.ctx, input, job),
  'import.analyze': (rt, input, job) => analyzeImport(rt.ctx, input, job),
  'import.preview': (rt, input, job) => previewImport(rt.ctx, input, job),
  'import.commit': (rt, input, job) => commitImport(rt.ctx, input, job),
  'import.history': (rt, input) => listImports(rt.ctx, input.limit),
  'import.undo': (rt, input, job) => undoImportBatch(rt.ctx, input.batchId, job),
  'import.failedRows': (rt, input) => failedRowsDownload(rt.ctx, input.batchId),
  'export.customers': (rt, input) => exportCustomers(rt.ctx, input),
  'export.inquiries': (rt, input) => exportInquiries(rt.ctx, input),
  'export.orders': (rt, input) => exportOrders(rt.ctx, input),
  'classify.run': (rt, input, job) => classifyCustomers(rt.ctx, input.trigger, job),
  'classify.runs': (rt, input) => listRuns(rt.ctx.read, input.limit),
  'classify.rules': (rt) => {
    const current = currentRules(rt.ctx.read);
    return { version: current.version, rules: current.rules, defaults: DEFAULT_RULES, savedAt: current.savedAt };
  },
  'classify.saveRules': (rt, input) => {
    const now = isoNow(rt.ctx);
    return rt.ctx.db.transaction((tx) => ({ version: saveRules(tx, input.rules, input.baseVersion, now) }));
  },
  'prefs.get': (rt) => readPrefs(rt.ctx.read),
  'prefs.save': (rt, input) => savePrefs(rt.ctx, input, rt.safety),
  'currency.get': (rt) => currencyInUse(rt.ctx),
  'currency.save': (rt, input) => {
    const now = isoNow(rt.ctx);
    return rt.ctx.db.transaction((tx) => writeCurrency(tx, input, now));
  },
  'boards.columns': (rt, input) => boardColumns(rt.ctx, input),
  'boards.cards': (rt, input) => boardCards(rt.ctx, input),
  'boards.move': (rt, input) => moveCard(rt.ctx, input),
  'views.list': (rt, input) => listViews(rt.ctx, input.kind),
  'views.save': (rt, input) => saveView(rt.ctx, input),
  'views.delete': (rt, input) => deleteView(rt.ctx, input.id),
  'dashboard.overview': (rt, input) => dashboardOverview(rt.ctx, input),
  'followups.create': (rt, input) => createFollowUp(rt.ctx, input),
  'followups.update': (rt, input) => updateFollowUp(rt.ctx, input),
  'followups.snooze': (rt, input) => snoozeFollowUp(rt.ctx, input),
  'followups.complete': (rt, input) => completeFollowUp(rt.ctx, input),
  'followups.cancel': (rt, input) => cancelFollowUp(rt.ctx, input),
  'followups.list': (rt, input) => listFollowUps(rt.ctx, input),
  'followups.counts': (rt, input) => followUpCounts(rt.ctx, input),
  'followups.churnRisk': (rt, input) => churnRisk(rt.ctx, input),
  'timeline.list': (rt, input) => customerTimeline(rt.ctx, input),
  'followups.plan': (rt, input) => planPreview(rt.ctx, input),
  'followups.applyPlan': (rt, input) => applyPlan(rt.ctx, input),
  'cadence.get': (rt) => readCadenceRules(rt.ctx.read),
  'cadence.save': (rt, input) => saveCadenceRules(rt.ctx, input),
  'needs.create': (rt, input) => createNeed(rt.ctx, input),
  'needs.update': (rt, input) => updateNeed(rt.ctx, input),
  'needs.list': (rt, input) => listNeeds(rt.ctx, input),
  'needs.summary': (rt, input) => needsSummary(rt.ctx, input),
  'complaints.create': (rt, input) => createComplaint(rt.ctx, input),
  'complaints.update': (rt, input) => updateComplaint(rt.ctx, input),
  'complaints.list': (rt, input) => listComplaints(rt.ctx, input),
  'surveys.templates': (rt) => listTemplates(rt.ctx),
  'surveys.saveTemplate': (rt, input) => saveTemplate(rt.ctx, input),
  'surveys.deleteTemplate': (rt, input) => deleteTemplate(rt.ctx, input.id),
  'surveys.campaigns': (rt) => listCampaigns(rt.ctx),
  'surveys.campaign': (rt, input) => getCampaign(rt.ctx, input.id),
  'surveys.createCampaign': (rt, input) => createCampaign(rt.ctx, input),
  'surveys.renameCampaign': (rt, input) => renameCampaign(rt.ctx, input),
  'surveys.recipients': (rt, input) => listRecipients(rt.ctx, input),
  'surveys.updateRecipients': (rt, input) => updateRecipients(rt.ctx, input),
  'surveys.recordResponse': (rt, input) => recordResponse(rt.ctx, input),
  'surveys.responses': (rt, input) => listResponses(rt.ctx, input),
  'surveys.results': (rt, input) => surveyResults(rt.ctx, input),
  'surveys.trend': (rt, input) => surveyTrend(rt.ctx, input),
  'surveys.rules': (rt) => readSurveyRules(rt.ctx.read),
  'surveys.saveRules': (rt, input) => saveSurveyRules(rt.ctx, input),
  'surveys.questionnaire': (rt, input) => questionnaireFile(rt.ctx, input),
  'surveys.responsesSheet': (rt, input) => responsesSheet(rt.ctx, input),
  'surveys.checkResponses': (rt, input) => checkResponses(rt.ctx, input),
  'surveys.importResponses': (rt, input) => importResponses(rt.ctx, input),
  'capture.duplicates': (rt, input) => findDuplicates(rt.ctx, input),
  'capture.save': (rt, input) => saveLead(rt.ctx, input),
  'capture.stats': (rt, input) => captureStats(rt.ctx, input),
  'safety.status': (rt) => rt.safety.status(),
  'safety.restoreLatest': (rt) => rt.safety.restoreLatest(),
  'safety.startEmpty': (rt) => rt.safety.startEmpty(),
  'backups.list': (rt) => rt.safety.list(),
  'backups.create': (rt) => rt.safety.backupNow('manual'),
  'backups.restore': (rt, input) => rt.safety.restoreBackup(input.fileName),
  'workspace.status': (rt) => rt.workspaces.status(),
  'workspace.openSample': (rt, _input, job) => rt.workspaces.openSample(job),
  'workspace.openMain': (rt) => rt.workspaces.openMain(),
  'workspace.removeSample': (rt) => rt.workspaces.removeSample(),
  'workspace.moveData': (rt, input, job) => rt.workspaces.moveData(input, job),
  'jobs.cancel': (rt, input) => ({ cancelled: rt.cancelJob(input.jobId) }),
};
