/**
 * The two actions on a collision (撞单, #20) on the laptop: ask the owner of a colleague's customer
 * to share it, or pass them a lead for it (team.collisionRequest); and the owner's answer
 * (team.answerRequest). A lead answered 'added' is first added to this book's customer by quick
 * capture's own "add the lead to this existing customer" (saveLead with addToCustomerId: a contact,
 * an inquiry, the fair tag, a proposed follow-up, one transaction), which the sync then pushes; only
 * then is the server told. The requests are kept with the collision reports (the same fetch), so
 * they show offline.
 */
import { AppError } from '../../../shared/errors';
import { captureSaveSchema } from '../../../shared/domain/capture';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import type { CollisionAnswer, CollisionRequest, CollisionRequestInput } from '../../../shared/team/collisions';
import { saveLead } from '../capture/capture';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings';

/** What the answer needs of TeamSync (team-sync.ts). */
export interface TeamRequests {
  keptRequest(id: string): CollisionRequest | undefined;
  collisionRequest(input: CollisionRequestInput): Promise<CollisionRequest>;
  answerRequest(id: string, answer: CollisionAnswer): Promise<CollisionRequest>;
}

/**
 * Leads this laptop added for a request whose answer has not reached the server yet (by request
 * id): answering again after a failed call does not add the lead twice.
 */
const ADDED_KEY = 'team.collisionLeadsAdded';
type Added = Record<string, { customerId: number; inquiryId: number; at: string }>;

export function requestCollision(team: TeamRequests, input: ChannelParsedInput<'team.collisionRequest'>): Promise<CollisionRequest> {
  return team.collisionRequest(input);
}

export async function answerCollisionRequest(
  ctx: ServiceContext,
  team: TeamRequests,
  input: ChannelParsedInput<'team.answerRequest'>,
): Promise<CollisionRequest> {
  if (input.answer !== 'added') return team.answerRequest(input.id, input.answer);
  const request = team.keptRequest(input.id);
  if (!request) throw new AppError('NOT_FOUND', 'no such request on this laptop; sync first', { id: input.id });
  if (request.kind !== 'lead' || !request.lead) throw new AppError('INVALID_INPUT', 'only a lead is added to a customer');
  if (request.answer !== null) throw new AppError('CONFLICT', 'the request was answered already');
  const added = readSetting<Added>(ctx.read, ADDED_KEY) ?? {};
  if (!added[input.id]) {
    const customer = ctx.read.first(
      ctx.read.selectFrom('customers').select(['id', 'company']).where('gid', '=', request.gid.toLowerCase()),
    );
    if (!customer) throw new AppError('NOT_FOUND', 'this laptop does not have the customer; sync first', { gid: request.gid });
    const lead = request.lead;
    const saved = await saveLead(
      ctx,
      captureSaveSchema.parse({
        company: lead.company || customer.company,
        name: lead.name,
        email: lead.email,
        phone: lead.phone,
        whatsapp: lead.whatsapp,
        note: [lead.note, request.by ? `(${request.by})` : ''].filter(Boolean).join(' '),
        fair: lead.fair,
        addToCustomerId: customer.id,
        timeZone: input.timeZone ?? 'UTC',
      }),
    );
    const now = ctx.now().toISOString();
    await ctx.db.transaction((tx) =>
      writeSetting(tx, ADDED_KEY, { ...added, [input.id]: { customerId: saved.customerId, inquiryId: saved.inquiryId, at: now } }, now),
    );
  }
  const answered = await team.answerRequest(input.id, 'added');
  const left = { ...(readSetting<Added>(ctx.read, ADDED_KEY) ?? {}) };
  delete left[input.id];
  const now = ctx.now().toISOString();
  await ctx.db.transaction((tx) => writeSetting(tx, ADDED_KEY, left, now));
  return answered;
}
