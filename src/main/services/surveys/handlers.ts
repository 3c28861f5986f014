import type { HandlersOf } from '../../engine/handler-types';
import { checkResponses, importResponses, questionnaireFile, responsesSheet } from './survey-files';
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
} from './surveys';

/** The engine's handlers for the surveys.* channels: each calls the service beside it. */
export const surveysHandlers = {
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
} satisfies HandlersOf<'surveys'>;
