// The API token of this browser tab: sessionStorage, so it is gone when the tab closes.
const KEY = 'tminus.token';

export const storedToken = (): string | null => sessionStorage.getItem(KEY);
export const storeToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);
