var __assign =
  (this && this.__assign) ||
  function () {
    __assign =
      Object.assign ||
      function (t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
          s = arguments[i];
          for (var p in s) if (Object.hasOwn(s, p)) t[p] = s[p];
        }
        return t;
      };
    return __assign.apply(this, arguments);
  };
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
exports.repoRoot = void 0;
exports.freshDataDir = freshDataDir;
exports.startServer = startServer;
exports.runServerToExit = runServerToExit;
var node_child_process_1 = require("node:child_process");
var node_fs_1 = require("node:fs");
var node_os_1 = require("node:os");
var node_path_1 = require("node:path");
var node_url_1 = require("node:url");
exports.repoRoot = (0, node_url_1.fileURLToPath)(new URL("../", import.meta.url));
var tsx = (0, node_path_1.join)(exports.repoRoot, "apps/api/node_modules/.bin/tsx");
function freshDataDir() {
  return (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), "ct-server-"));
}
/** Starts the API exactly as the start command does (the same entry point), on a free port. */
function startServer(env) {
  return __awaiter(this, void 0, void 0, function () {
    var child, output, url;
    var _a, _b;
    return __generator(this, (_c) => {
      switch (_c.label) {
        case 0:
          child = (0, node_child_process_1.spawn)(tsx, ["src/main.ts"], {
            cwd: (0, node_path_1.join)(exports.repoRoot, "apps/api"),
            env: __assign(
              __assign(__assign({}, process.env), { PORT: "0", LOG_LEVEL: "info", DATABASE_URL: "" }),
              env,
            ),
            stdio: ["ignore", "pipe", "pipe"],
          });
          output = "";
          (_a = child.stdout) === null || _a === void 0
            ? void 0
            : _a.on("data", (chunk) => {
                output += chunk;
              });
          (_b = child.stderr) === null || _b === void 0
            ? void 0
            : _b.on("data", (chunk) => {
                output += chunk;
              });
          return [
            4 /*yield*/,
            new Promise((resolve, reject) => {
              var _a;
              var timer = setTimeout(
                () => reject(new Error("server did not start:\n".concat(output))),
                30000,
              );
              var check = () => {
                var match = output.match(/running at (http:\/\/\S+)/);
                if (match === null || match === void 0 ? void 0 : match[1]) {
                  clearTimeout(timer);
                  resolve(match[1]);
                }
              };
              (_a = child.stdout) === null || _a === void 0 ? void 0 : _a.on("data", check);
              child.on("exit", (code) => {
                clearTimeout(timer);
                reject(new Error("server exited with ".concat(code, ":\n").concat(output)));
              });
            }),
          ];
        case 1:
          url = _c.sent();
          return [2 /*return*/, { url: url, output: () => output, stop: () => stop(child) }];
      }
    });
  });
}
function stop(child) {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}
/** Runs the entry point to completion, for start-up failures. */
function runServerToExit(env) {
  return new Promise((resolve) => {
    var child = (0, node_child_process_1.spawn)(tsx, ["src/main.ts"], {
      cwd: (0, node_path_1.join)(exports.repoRoot, "apps/api"),
      env: __assign(__assign({}, process.env), env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    var output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) => resolve({ code: code, output: output }));
  });
}
