import { z } from 'zod';
import { eventSchema } from './blocks/base-event.js';
import { groupSchema } from './blocks/group.js';
import { groupMemberSchema } from './blocks/group-member.js';
import { opt } from './blocks/helpers.js';

const members = { group: groupSchema, members: opt(z.array(groupMemberSchema)) };

export const groupMemberAddEventSchema = eventSchema('group.member.add', members);
export const groupMemberAddCompleteEventSchema = eventSchema('group.member.add.complete', members);
export const groupMemberRemoveEventSchema = eventSchema('group.member.remove', members);
export const groupMemberRemoveCompleteEventSchema = eventSchema('group.member.remove.complete', members);
export const groupMemberUpdateEventSchema = eventSchema('group.member.update', members);
export const groupMemberUpdateCompleteEventSchema = eventSchema('group.member.update.complete', members);

export type GroupMemberAddEvent = z.output<typeof groupMemberAddEventSchema>;
export type GroupMemberAddCompleteEvent = z.output<typeof groupMemberAddCompleteEventSchema>;
export type GroupMemberRemoveEvent = z.output<typeof groupMemberRemoveEventSchema>;
export type GroupMemberRemoveCompleteEvent = z.output<typeof groupMemberRemoveCompleteEventSchema>;
export type GroupMemberUpdateEvent = z.output<typeof groupMemberUpdateEventSchema>;
export type GroupMemberUpdateCompleteEvent = z.output<typeof groupMemberUpdateCompleteEventSchema>;
