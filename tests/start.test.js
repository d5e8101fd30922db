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
var vitest_1 = require("vitest");
var server_ts_1 = require("./server.ts");
// The start command's own entry point, on the embedded store: it migrates, loads the reference data once,
// serves the web app and the API, and keeps its data across a restart.
(0, vitest_1.describe)("the start command on the embedded database", () => {
  var dataDir = (0, server_ts_1.freshDataDir)();
  (0, vitest_1.afterAll)(() => (0, node_fs_1.rmSync)(dataDir, { recursive: true, force: true }));
  (0, vitest_1.it)("serves the page and the API with the reference data loaded", () =>
    __awaiter(void 0, void 0, void 0, function () {
      var server, page, _a, agreements, _b, _c;
      return __generator(this, (_d) => {
        switch (_d.label) {
          case 0:
            return [4 /*yield*/, (0, server_ts_1.startServer)({ PGLITE_DATA_DIR: dataDir })];
          case 1:
            server = _d.sent();
            _d.label = 2;
          case 2:
            _d.trys.push([2, , 8, 10]);
            return [4 /*yield*/, fetch(server.url)];
          case 3:
            page = _d.sent();
            (0, vitest_1.expect)(page.status).toBe(200);
            _a = vitest_1.expect;
            return [4 /*yield*/, page.text()];
          case 4:
            _a.apply(void 0, [_d.sent()]).toContain('<div id="root">');
            return [4 /*yield*/, fetch("".concat(server.url, "v1/agreements"))];
          case 5:
            return [4 /*yield*/, _d.sent().json()];
          case 6:
            agreements = _d.sent();
            (0, vitest_1.expect)(agreements.data.length).toBeGreaterThan(15);
            _b = vitest_1.expect;
            return [4 /*yield*/, fetch("".concat(server.url, "openapi.json"))];
          case 7:
            _b.apply(void 0, [_d.sent().status]).toBe(200);
            (0, vitest_1.expect)(server.output()).toContain('"loadedNow":true');
            return [3 /*break*/, 10];
          case 8:
            _c = vitest_1.expect;
            return [4 /*yield*/, server.stop()];
          case 9:
            _c.apply(void 0, [_d.sent()]).toBe(0);
            return [7 /*endfinally*/];
          case 10:
            return [2 /*return*/];
        }
      });
    }),
  );
  (0, vitest_1.it)("keeps its data across a restart and does not load the reference data twice", () =>
    __awaiter(void 0, void 0, void 0, function () {
      var server, agreements;
      return __generator(this, (_a) => {
        switch (_a.label) {
          case 0:
            return [4 /*yield*/, (0, server_ts_1.startServer)({ PGLITE_DATA_DIR: dataDir })];
          case 1:
            server = _a.sent();
            _a.label = 2;
          case 2:
            _a.trys.push([2, , 5, 7]);
            (0, vitest_1.expect)(server.output()).toContain('"loadedNow":false');
            return [4 /*yield*/, fetch("".concat(server.url, "v1/agreements"))];
          case 3:
            return [4 /*yield*/, _a.sent().json()];
          case 4:
            agreements = _a.sent();
            (0, vitest_1.expect)(agreements.data.length).toBeGreaterThan(15);
            return [3 /*break*/, 7];
          case 5:
            return [4 /*yield*/, server.stop()];
          case 6:
            _a.sent();
            return [7 /*endfinally*/];
          case 7:
            return [2 /*return*/];
        }
      });
    }),
  );
  (0, vitest_1.it)("refuses to start on a bad environment, naming the variable", () =>
    __awaiter(void 0, void 0, void 0, function () {
      var _a, code, output;
      return __generator(this, (_b) => {
        switch (_b.label) {
          case 0:
            return [
              4 /*yield*/,
              (0, server_ts_1.runServerToExit)({ PORT: "eighty", PGLITE_DATA_DIR: dataDir }),
            ];
          case 1:
            (_a = _b.sent()), (code = _a.code), (output = _a.output);
            (0, vitest_1.expect)(code).not.toBe(0);
            (0, vitest_1.expect)(output).toContain("Invalid environment");
            (0, vitest_1.expect)(output).toContain("PORT");
            return [2 /*return*/];
        }
      });
    }),
  );
});
