var __awaiter =
  (this && this.__awaiter) ||
  ((thisArg, _arguments, P, generator) => {
    function adopt(value) {
      return value instanceof P
        ? value
        : new P((resolve) => {
            resolve(value);
          });
    }
    return new (P || (P = Promise))((resolve, reject) => {
      function fulfilled(value) {
        try {
          step(generator.next(value));
        } catch (e) {
          reject(e);
        }
      }
      function rejected(value) {
        try {
          step(generator["throw"](value));
        } catch (e) {
          reject(e);
        }
      }
      function step(result) {
        result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
      }
      step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
  });
var __generator =
  (this && this.__generator) ||
  ((thisArg, body) => {
    var _ = {
        label: 0,
        sent: () => {
          if (t[0] & 1) throw t[1];
          return t[1];
        },
        trys: [],
        ops: [],
      },
      f,
      y,
      t,
      g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return (
      (g.next = verb(0)),
      (g["throw"] = verb(1)),
      (g["return"] = verb(2)),
      typeof Symbol === "function" &&
        (g[Symbol.iterator] = function () {
          return this;
        }),
      g
    );
    function verb(n) {
      return (v) => step([n, v]);
    }
    function step(op) {
      if (f) throw new TypeError("Generator is already executing.");
      while ((g && ((g = 0), op[0] && (_ = 0)), _))
        try {
          if (
            ((f = 1),
            y &&
              (t =
                op[0] & 2
                  ? y["return"]
                  : op[0]
                    ? y["throw"] || ((t = y["return"]) && t.call(y), 0)
                    : y.next) &&
              !(t = t.call(y, op[1])).done)
          )
            return t;
          if (((y = 0), t)) op = [op[0] & 2, t.value];
          switch (op[0]) {
            case 0:
            case 1:
              t = op;
              break;
            case 4:
              _.label++;
              return { value: op[1], done: false };
            case 5:
              _.label++;
              y = op[1];
              op = [0];
              continue;
            case 7:
              op = _.ops.pop();
              _.trys.pop();
              continue;
            default:
              if (!((t = _.trys), (t = t.length > 0 && t[t.length - 1])) && (op[0] === 6 || op[0] === 2)) {
                _ = 0;
                continue;
              }
              if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) {
                _.label = op[1];
                break;
              }
              if (op[0] === 6 && _.label < t[1]) {
                _.label = t[1];
                t = op;
                break;
              }
              if (t && _.label < t[2]) {
                _.label = t[2];
                _.ops.push(op);
                break;
              }
              if (t[2]) _.ops.pop();
              _.trys.pop();
              continue;
          }
          op = body.call(thisArg, _);
        } catch (e) {
          op = [6, e];
          y = 0;
        } finally {
          f = t = 0;
        }
      if (op[0] & 5) throw op[1];
      return { value: op[0] ? op[1] : void 0, done: true };
    }
  });
Object.defineProperty(exports, "__esModule", { value: true });
var node_fs_1 = require("node:fs");
var node_path_1 = require("node:path");
var vitest_1 = require("vitest");
var server_ts_1 = require("../server.ts");
var chromium_ts_1 = require("./chromium.ts");
// Skipped only where Debian's chromium is missing outside CI (see chromium.ts); CI fails instead.
vitest_1.describe.skipIf(!chromium_ts_1.hasChromium)("the ladder page in Chromium", () => {
  var dataDir = (0, server_ts_1.freshDataDir)();
  var server;
  var browser;
  (0, vitest_1.beforeAll)(() =>
    __awaiter(void 0, void 0, void 0, function () {
      return __generator(this, (_a) => {
        switch (_a.label) {
          case 0:
            return [4 /*yield*/, (0, server_ts_1.startServer)({ PGLITE_DATA_DIR: dataDir })];
          case 1:
            server = _a.sent();
            return [4 /*yield*/, (0, chromium_ts_1.launch)()];
          case 2:
            browser = _a.sent();
            return [2 /*return*/];
        }
      });
    }),
  );
  (0, vitest_1.afterAll)(() =>
    __awaiter(void 0, void 0, void 0, function () {
      return __generator(this, (_a) => {
        switch (_a.label) {
          case 0:
            return [4 /*yield*/, browser === null || browser === void 0 ? void 0 : browser.close()];
          case 1:
            _a.sent();
            return [4 /*yield*/, server === null || server === void 0 ? void 0 : server.stop()];
          case 2:
            _a.sent();
            (0, node_fs_1.rmSync)(dataDir, { recursive: true, force: true });
            return [2 /*return*/];
        }
      });
    }),
  );
  (0, vitest_1.it)(
    "shows Table 1 as a ladder with the reference agreements on their rungs, from the API",
    () =>
      __awaiter(void 0, void 0, void 0, function () {
        var page, tierHeadings, _a, api, _b, budapest;
        return __generator(this, (_c) => {
          switch (_c.label) {
            case 0:
              return [4 /*yield*/, browser.newPage({ viewport: { width: 1280, height: 900 } })];
            case 1:
              page = _c.sent();
              return [4 /*yield*/, page.goto(server.url)];
            case 2:
              _c.sent();
              return [
                4 /*yield*/,
                page.getByRole("heading", { name: "The ladder of security guarantees" }).waitFor(),
              ];
            case 3:
              _c.sent();
              return [4 /*yield*/, page.locator(".tier > h2").allTextContents()];
            case 4:
              tierHeadings = _c.sent();
              (0, vitest_1.expect)(tierHeadings.map((t) => t.split(" ")[0])).toEqual([
                "Hard",
                "Intermediate",
                "Soft",
              ]);
              _a = vitest_1.expect;
              return [4 /*yield*/, page.locator(".rung").count()];
            case 5:
              _a.apply(void 0, [_c.sent()]).toBe(15);
              return [4 /*yield*/, fetch("".concat(server.url, "v1/agreements"))];
            case 6:
              return [4 /*yield*/, _c.sent().json()];
            case 7:
              api = _c.sent();
              _b = vitest_1.expect;
              return [4 /*yield*/, page.locator(".chip").count()];
            case 8:
              _b.apply(void 0, [_c.sent()]).toBe(api.data.length);
              budapest = page.locator('.rung[data-instrument-type="assurance"] .chip');
              return [
                4 /*yield*/,
                vitest_1.expect
                  .poll(() => budapest.allTextContents())
                  .toEqual(vitest_1.expect.arrayContaining([vitest_1.expect.stringMatching(/Budapest/)])),
              ];
            case 9:
              _c.sent();
              return [
                4 /*yield*/,
                page.screenshot({
                  path: (0, node_path_1.join)(chromium_ts_1.artifactsDir, "ladder.png"),
                  fullPage: true,
                }),
              ];
            case 10:
              _c.sent();
              return [2 /*return*/];
          }
        });
      }),
  );
  (0, vitest_1.it)("opens an agreement's provisions and keeps the choice in the URL", () =>
    __awaiter(void 0, void 0, void 0, function () {
      var page, uk, _a, _b, again;
      return __generator(this, (_c) => {
        switch (_c.label) {
          case 0:
            return [4 /*yield*/, browser.newPage({ viewport: { width: 1280, height: 900 } })];
          case 1:
            page = _c.sent();
            return [4 /*yield*/, page.goto(server.url)];
          case 2:
            _c.sent();
            uk = page.locator('.rung[data-instrument-type="security_cooperation"] .chip', {
              hasText: "January 2024",
            });
            return [4 /*yield*/, uk.first().click()];
          case 3:
            _c.sent();
            return [4 /*yield*/, page.getByRole("heading", { name: "Provisions" }).waitFor()];
          case 4:
            _c.sent();
            _a = vitest_1.expect;
            return [4 /*yield*/, page.locator(".provisions").textContent()];
          case 5:
            _a.apply(void 0, [_c.sent()]).toContain("Consultation within 24 hours");
            _b = vitest_1.expect;
            return [4 /*yield*/, page.locator(".provisions").textContent()];
          case 6:
            _b.apply(void 0, [_c.sent()]).toContain("No mutual-defence clause");
            (0, vitest_1.expect)(new URL(page.url()).searchParams.get("agreement")).toBeTruthy();
            return [
              4 /*yield*/,
              page.screenshot({
                path: (0, node_path_1.join)(chromium_ts_1.artifactsDir, "ladder-agreement.png"),
                fullPage: true,
              }),
            ];
          case 7:
            _c.sent();
            return [4 /*yield*/, browser.newPage()];
          case 8:
            again = _c.sent();
            return [4 /*yield*/, again.goto(page.url())];
          case 9:
            _c.sent();
            return [4 /*yield*/, again.getByRole("heading", { name: "Provisions" }).waitFor()];
          case 10:
            _c.sent();
            return [2 /*return*/];
        }
      });
    }),
  );
});
