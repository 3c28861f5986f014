import type { HandlersOf } from '../../engine/handler-types';
import { complaintOrderChoices, complaintPhoto } from './complaint-details';
import { addComplaintPhotos, createComplaint, listComplaints, removeComplaintPhoto, updateComplaint } from './complaints';
import { createNeed, listNeeds, needsSummary, updateNeed } from './needs';

/** The engine's handlers for the complaints.*, needs.* channels: each calls the service beside it. */
export const relationshipHandlers = {
  'needs.create': (rt, input) => createNeed(rt.ctx, input),
  'needs.update': (rt, input) => updateNeed(rt.ctx, input),
  'needs.list': (rt, input) => listNeeds(rt.ctx, input),
  'needs.summary': (rt, input) => needsSummary(rt.ctx, input),
  'complaints.create': (rt, input) => createComplaint(rt.ctx, input),
  'complaints.update': (rt, input) => updateComplaint(rt.ctx, input),
  'complaints.list': (rt, input) => listComplaints(rt.ctx, input),
  'complaints.orders': (rt, input) => complaintOrderChoices(rt.ctx, input),
  'complaints.photo': (rt, input) => complaintPhoto(rt.ctx, input),
  'complaints.addPhotos': (rt, input) => addComplaintPhotos(rt.ctx, input),
  'complaints.removePhoto': (rt, input) => removeComplaintPhoto(rt.ctx, input),
} satisfies HandlersOf<'complaints' | 'needs'>;
