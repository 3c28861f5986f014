import {
  RECIPIENT_STATES,
  RESULT_DIMENSIONS,
  SURVEY_LANGUAGES,
  answersSchema,
  campaignCreateSchema,
  campaignSchema,
  recipientSchema,
  responseSchema,
  resultGroupSchema,
  scoreSummarySchema,
  surveyImportReportSchema,
  surveyRulesSchema,
  templateInputSchema,
  templateSchema,
} from '../../domain/surveys';
import { z } from 'zod';
import { MAX_FILE_BASE64, channel, exportFormatSchema, fileDownloadSchema, idInput, none } from '../channel';

/** A returned responses file for a campaign (surveys.checkResponses / importResponses). */
const responsesFileInput = z.strictObject({
  campaignId: z.number().int().positive(),
  fileName: z.string().min(1).max(260),
  contentBase64: z.string().min(1).max(MAX_FILE_BASE64),
  sheet: z.string().max(100).optional(),
});

export const surveysChannels = {
  'surveys.templates': channel('read', none, z.array(templateSchema)),
  'surveys.saveTemplate': channel(
    'write',
    z.strictObject({
      id: z.number().int().positive().optional(),
      version: z.number().int().positive().optional(),
      template: templateInputSchema,
    }),
    templateSchema,
  ),
  'surveys.deleteTemplate': channel('write', idInput, z.object({ deleted: z.boolean() })),
  'surveys.campaigns': channel('read', none, z.array(campaignSchema)),
  'surveys.campaign': channel('read', idInput, campaignSchema),
  'surveys.createCampaign': channel('write', campaignCreateSchema, campaignSchema),
  'surveys.renameCampaign': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive(), name: z.string().trim().min(1).max(120) }),
    campaignSchema,
  ),
  'surveys.recipients': channel(
    'read',
    z.strictObject({
      campaignId: z.number().int().positive(),
      states: z.array(z.enum(RECIPIENT_STATES)).max(4).default([]),
      search: z.string().max(200).default(''),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.object({ items: z.array(recipientSchema), total: z.number().int() }),
  ),
  'surveys.updateRecipients': channel(
    'write',
    z.strictObject({
      campaignId: z.number().int().positive(),
      customerIds: z.array(z.number().int().positive()).min(1).max(500_000),
      state: z.enum(['not_sent', 'sent', 'declined']).optional(),
      language: z.enum(SURVEY_LANGUAGES).optional(),
    }),
    z.object({ changed: z.number().int(), skippedAnswered: z.number().int() }),
  ),
  'surveys.recordResponse': channel(
    'write',
    z.strictObject({
      campaignId: z.number().int().positive(),
      customerId: z.number().int().positive(),
      answers: answersSchema,
      answeredAt: z.iso.datetime({ offset: true }).optional(),
      /** Replace an earlier response of this customer (else SURVEY_ALREADY_ANSWERED). */
      replace: z.boolean().default(false),
    }),
    responseSchema,
  ),
  'surveys.responses': channel(
    'read',
    z.strictObject({
      campaignId: z.number().int().positive().optional(),
      by: z.enum(RESULT_DIMENSIONS).optional(),
      key: z.string().max(200).optional(),
      customerId: z.number().int().positive().optional(),
      detractorsOnly: z.boolean().default(false),
      withText: z.boolean().default(false),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.array(responseSchema),
  ),
  'surveys.results': channel(
    'read',
    z.strictObject({ campaignId: z.number().int().positive().optional(), by: z.enum(RESULT_DIMENSIONS).default('overall') }),
    z.object({
      campaignId: z.number().int().nullable(),
      by: z.enum(RESULT_DIMENSIONS),
      overall: scoreSummarySchema,
      groups: z.array(resultGroupSchema),
    }),
  ),
  'surveys.trend': channel(
    'read',
    z.strictObject({ by: z.enum(RESULT_DIMENSIONS).optional(), key: z.string().max(200).optional() }),
    z.array(scoreSummarySchema.extend({ campaignId: z.number().int(), name: z.string(), createdAt: z.string() })),
  ),
  'surveys.rules': channel('read', none, surveyRulesSchema),
  'surveys.saveRules': channel('write', surveyRulesSchema, surveyRulesSchema),
  'surveys.questionnaire': channel(
    'read',
    z.strictObject({
      campaignId: z.number().int().positive(),
      customerIds: z.array(z.number().int().positive()).min(1).max(1000),
      /** Override the recipients' own languages. */
      language: z.enum(SURVEY_LANGUAGES).optional(),
    }),
    fileDownloadSchema,
  ),
  'surveys.responsesSheet': channel(
    'read',
    z.strictObject({
      campaignId: z.number().int().positive(),
      language: z.enum(SURVEY_LANGUAGES).default('en'),
      format: exportFormatSchema.default('xlsx'),
    }),
    fileDownloadSchema,
  ),
  'surveys.checkResponses': channel('read', responsesFileInput, surveyImportReportSchema),
  'surveys.importResponses': channel(
    'write',
    responsesFileInput.extend({
      /** Import the good rows even when some rows have problems. */
      skipInvalid: z.boolean().default(false),
    }),
    surveyImportReportSchema,
  ),
} as const;
