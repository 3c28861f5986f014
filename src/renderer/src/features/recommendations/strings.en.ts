/** English text of the recommendations; strings.zh-CN.ts has exactly the same keys (its type says so). */
export const recommendationsEn = {
  recommendations: {
    customer: {
      title: 'Products to offer',
      none: 'Nothing to suggest yet: no similar customer bought a product this one has not.',
      noCohort: 'Add the customer’s industry or country to compare them with similar buyers.',
      cohort: {
        both: 'From {{count}} other {{industry}} buyers in {{region}}',
        industry: 'From {{count}} other {{industry}} buyers (all regions: too few in {{region}})',
        region: 'From {{count}} other buyers in {{region}}',
      },
      why_one: 'Bought by {{count}} of them',
      why_other: 'Bought by {{count}} of them',
      alsoBought_one: '{{count}} of them also bought {{product}}, as this customer did',
      alsoBought_other: '{{count}} of them also bought {{product}}, as this customer did',
      planFollowUp: 'Plan a follow-up to offer it',
      offerNote: 'Offer {{product}}: {{why}}.',
      planned: 'Follow-up planned: offer {{product}}.',
    },
    product: {
      open: 'Likely buyers',
      title: 'Likely buyers of {{product}}',
      intro_one:
        '{{count}} customer bought it. These customers are in the same industry and region as its buyers and have neither bought nor asked for it.',
      intro_other:
        '{{count}} customers bought it. These customers are in the same industry and region as its buyers and have neither bought nor asked for it.',
      none: 'No likely buyers: nobody has bought it yet, or every customer like its buyers already has.',
      company: 'Company',
      cohort: 'Why',
      cohortShare: '{{buyers}} of {{size}} {{industry}} customers in {{region}} bought it',
      owner: 'Owner',
      planFollowUps_one: 'Plan a follow-up for {{count}} customer',
      planFollowUps_other: 'Plan follow-ups for {{count}} customers',
      offerNote: 'Offer {{product}}: customers like them bought it.',
      tag: 'Tag them',
      tagValue: 'Prospect: {{sku}}',
      planned_one: '{{count}} follow-up planned, due tomorrow 10:00.',
      planned_other: '{{count}} follow-ups planned, due tomorrow 10:00.',
      tagged_one: '{{count}} customer tagged “{{tag}}”: filter by the tag for a campaign or an export.',
      tagged_other: '{{count}} customers tagged “{{tag}}”: filter by the tag for a campaign or an export.',
      close: 'Close',
    },
  },
} as const;
