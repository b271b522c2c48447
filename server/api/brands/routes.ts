import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse, jsonReply } from '../common.ts';

const nullableText = z.string().nullable();

/** A reseller's brand, as the portal shows it to the reseller's customers instead of the provider's. */
export const BrandSchema = z
  .object({
    reseller: z.string().openapi({ description: 'The reseller’s short name, as in `<bp-portal reseller="…">`.', example: 'acme' }),
    name: z.string().openapi({ example: 'Acme Telecom' }),
    logoUrl: nullableText.openapi({ description: 'An image address the browser can load.' }),
    support: z.object({ email: nullableText, phone: nullableText, url: nullableText }),
    colors: z.object({
      primary: nullableText.openapi({ description: '`#rrggbb`: buttons, links, focus.' }),
      header: nullableText.openapi({ description: '`#rrggbb`: the header bar.' }),
    }),
  })
  .openapi('Brand');

export const resellerParams = z.object({
  reseller: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/i, 'A reseller is named by letters, digits and dashes.')
    .openapi({ param: { name: 'reseller', in: 'path' }, example: 'acme' }),
});

export const brand = createRoute({
  method: 'get',
  path: '/brands/{reseller}',
  tags: ['Resellers'],
  summary: "A reseller's brand, for its sign-in page (public)",
  request: { params: resellerParams },
  responses: {
    200: jsonReply(BrandSchema, 'The brand.'),
    400: errorResponse('Malformed name.'),
    404: errorResponse('No such reseller.'),
  },
});

export const brandLogo = createRoute({
  method: 'get',
  path: '/brands/{reseller}/logo',
  tags: ['Resellers'],
  summary: "The logo a reseller stored with the portal (public; any site may show it)",
  request: { params: resellerParams },
  responses: {
    200: { content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The image.' },
    400: errorResponse('Malformed name.'),
    404: errorResponse('No such reseller, or it stored no logo.'),
  },
});
