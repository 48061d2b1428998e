import type { segments as zh } from '../zh-CN/segments';

export const segments: typeof zh = {
  segments: {
    title: 'Segments',
    create: 'New segment',
    createTitle: 'New segment from the current filters',
    editTitle: 'Edit segment',
    name: 'Name',
    description: 'Description',
    shared: 'Share with the organisation',
    sharedHint: 'When off, only you see it',
    sharedTag: 'Shared',
    privateTag: 'Private',
    filters: 'Filters',
    noFilters: 'All customers',
    owner: 'Created by',
    members: 'Customers',
    count: 'Count',
    countHint: 'Counted now, among the customers you may see',
    openMembers: 'Open customers',
    fromList: 'Set filters on the customer list, then choose "Save as segment" to create one.',
    saveAsSegment: 'Save as segment',
    notFound: 'This segment does not exist, or you may not view it.',
    clearSegment: 'Show without the segment',
    notFromSegment: 'A segment cannot be built on another segment: clear the segment filter first',
    empty: 'No segments yet',
    mine: 'Mine only',
  },
  /** The shared saved-view bar's texts are the shell's; this one is about the customer list's segment filter. */
  savedViews: {
    notWithSegment: 'A view does not keep the segment filter: clear it first',
  },
};
