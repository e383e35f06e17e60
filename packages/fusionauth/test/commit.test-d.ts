import type { CommitInfo } from '@authhooks/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  fusionReceiver,
  type GroupMemberAddEvent,
  type UserCreateEvent,
  type UserRegistrationCreateEvent,
} from '../src/index.js';

describe('onCommit / onRollback types', () => {
  const receiver = fusionReceiver({ authorization: 'k' });

  it('types the event of each confirmable type, and the info', () => {
    receiver
      .onCommit('user.registration.create', (event, info) => {
        expectTypeOf(event).toEqualTypeOf<UserRegistrationCreateEvent>();
        expectTypeOf(info).toEqualTypeOf<CommitInfo>();
      })
      .onRollback(['user.create', 'group.member.add'], (event) => {
        expectTypeOf(event).toEqualTypeOf<UserCreateEvent | GroupMemberAddEvent>();
      });
  });

  it('refuses types without a *.complete event, *.complete types themselves, and typos', () => {
    // @ts-expect-error user.login.success has no *.complete event
    receiver.onCommit('user.login.success', () => {});
    // @ts-expect-error a *.complete event confirms; it is not confirmed
    receiver.onCommit('user.create.complete', () => {});
    // @ts-expect-error a typo
    receiver.onRollback('user.creat', () => {});
  });

  it("types confirm's event as the confirmable events, narrowed by type", () => {
    fusionReceiver({
      authorization: 'k',
      commit: {
        confirm: (event) => {
          if (event.type === 'user.create') expectTypeOf(event).toEqualTypeOf<UserCreateEvent>();
          return true;
        },
      },
    });
  });
});
