import type { Activity, Contact, Customer, Note, Opportunity, SalesEvent, Task, Team } from '@berth/domain';
import type { Session, TestApp } from '../harness';
import { type ActivityFields, anActivity } from './activity';
import { aContact, type ContactFields } from './contact';
import { aCustomer, type CustomerFields } from './customer';
import type { Member } from './member';
import { aNote, type NoteFields } from './note';
import { anOpportunity, type OpportunityFields } from './opportunity';
import { aSalesEvent, type SalesEventFields } from './sales-event';
import { aTask, type TaskFields } from './task';
import { aTeam, type TeamFields } from './team';
import { aUser, type UserFields } from './user';

export interface Factories {
  team(fields?: TeamFields): Promise<Team>;
  /** A user with a role (by key) and signed in. */
  user(role: string, fields?: UserFields): Promise<Member>;
  customer(fields?: CustomerFields): Promise<Customer>;
  contact(fields: ContactFields): Promise<Contact>;
  opportunity(fields: OpportunityFields): Promise<Opportunity>;
  activity(fields: ActivityFields): Promise<Activity>;
  task(fields?: TaskFields): Promise<Task>;
  note(fields: NoteFields): Promise<Note>;
  salesEvent(fields?: SalesEventFields): Promise<SalesEvent>;
  /** The same factories acting as someone else. */
  as(other: Session): Factories;
}

/**
 * Test data made through the API as `as`, so the rules a user meets apply (scope, validation,
 * owners, events): each factory fills what the test does not care about and returns the record the
 * API answered with.
 */
export function factories(t: TestApp, as: Session): Factories {
  return {
    team: (fields) => aTeam(t, as, fields),
    user: (role, fields) => aUser(t, as, role, fields),
    customer: (fields) => aCustomer(t, as, fields),
    contact: (fields) => aContact(t, as, fields),
    opportunity: (fields) => anOpportunity(t, as, fields),
    activity: (fields) => anActivity(t, as, fields),
    task: (fields) => aTask(t, as, fields),
    note: (fields) => aNote(t, as, fields),
    salesEvent: (fields) => aSalesEvent(t, as, fields),
    as: (other) => factories(t, other),
  };
}
