import nextjs from '@shop/eslint-config/nextjs';

export default nextjs;
