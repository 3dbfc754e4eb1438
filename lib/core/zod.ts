// The one import of zod. zod/mini rather than classic zod for start-up time: importing classic
// costs ~27 ms per process, mini ~5 ms, and every CLI call and hook pays it. The schemas,
// checks and issues are the same (zod 4's core); only the API is functions instead of methods.
import * as z from "zod/mini";

// zod/mini installs no locale, so every issue message would be "Invalid input"; the state store
// and `review` print zod's messages, so install the English ones classic zod installs.
z.config(z.locales.en());

export { z };
