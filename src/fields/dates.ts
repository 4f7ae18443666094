/**
 * How the admin writes dates, the same in zh, en and fr: numbers in ISO order and a 24-hour
 * clock. Payload's defaults ("MMM d, yyy h:mm a") put English month names and AM/PM in the
 * Chinese and French admin, and its date picker only learns the admin's language after it has
 * rendered, so a pattern with words would still show English first.
 */
export const adminDateFormat = 'yyyy-MM-dd HH:mm'

export const dayOnly = { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } as const

export const dayAndTime = { pickerAppearance: 'dayAndTime', displayFormat: adminDateFormat, timeFormat: 'HH:mm' } as const
