import { openFlag } from '../../lib/open-flag';

/** Whether the global search palette is open (mounted once by the app shell). */
const flag = openFlag();
export const openGlobalSearch = flag.open;
export const closeGlobalSearch = flag.close;
export const useGlobalSearchOpen = flag.useIsOpen;
