import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  writeSummary
} from "./chunk-UHZEOAJO.mjs";
import {
  resumeRun
} from "./chunk-4T4FV3HW.mjs";
import {
  closeQuestion,
  hasOpenQuestion,
  readAnswer,
  watchQuestions,
  writeQuestion
} from "./chunk-BB2H42L2.mjs";
import {
  appendLedger,
  readLedger
} from "./chunk-SGVNV3ZE.mjs";
import "./chunk-FKXRRTD4.mjs";
import {
  RUN_LOCK_FILE,
  runLockPath,
  runningRunner,
  workerLogPath
} from "./chunk-644RGFZP.mjs";
import {
  nextStories
} from "./chunk-MJBSR7FY.mjs";
import {
  startStory
} from "./chunk-DYGM24IQ.mjs";
import {
  execa,
  mergeStory,
  onExit
} from "./chunk-2UJQ6N3F.mjs";
import "./chunk-FDZSXUNJ.mjs";
import {
  failStory
} from "./chunk-Y6GHYFNZ.mjs";
import "./chunk-XPICGLJM.mjs";
import "./chunk-SF5OX4YS.mjs";
import {
  findPluginRoot
} from "./chunk-2JKJTA6X.mjs";
import {
  rejectUnknownOptions,
  usage
} from "./chunk-D6AISK4I.mjs";
import "./chunk-CCTPUZS7.mjs";
import {
  submitStory
} from "./chunk-PR6ETV56.mjs";
import {
  recordReview
} from "./chunk-TMUASQTI.mjs";
import "./chunk-Z2M337YQ.mjs";
import "./chunk-J4FLWKKU.mjs";
import "./chunk-PRYJMW64.mjs";
import "./chunk-X73HXAI3.mjs";
import "./chunk-IPPJ62NW.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-KG5HAFNZ.mjs";
import "./chunk-3ZEYVYDB.mjs";
import {
  blockedStories
} from "./chunk-3C4OI2RT.mjs";
import {
  displayId,
  loadRunContext,
  runScope,
  schedulable
} from "./chunk-EG7KQHPQ.mjs";
import "./chunk-RPVWIPJZ.mjs";
import {
  acquireLock,
  ensureStateDir,
  readAllStoryStates,
  readOrchestrationState,
  readStoryState,
  withStateLock,
  writeStoryState
} from "./chunk-A73OOLFP.mjs";
import "./chunk-TA7IOGVC.mjs";
import {
  developerPrompt,
  reviewerPrompt
} from "./chunk-KYIXOYY7.mjs";
import "./chunk-2B7JGNL6.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-VVU4VAXQ.mjs";
import {
  eventText
} from "./chunk-PZKJ7VLJ.mjs";
import "./chunk-OLZJQYTV.mjs";
import {
  mini_exports
} from "./chunk-V3HTBSD2.mjs";
import {
  SEVERITIES
} from "./chunk-WXMZ5N7V.mjs";
import "./chunk-ZP7QG5VT.mjs";
import "./chunk-R2CKZ2VR.mjs";
import {
  loadConfig
} from "./chunk-P7BITJDN.mjs";
import "./chunk-6MSOW3YD.mjs";
import "./chunk-R7PRS5ZI.mjs";
import "./chunk-T7SK64FE.mjs";
import "./chunk-IWUPKGEU.mjs";
import {
  STATE_DIR
} from "./chunk-DJAYH52C.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-JHRD7746.mjs";
import "./chunk-YFTCM4W6.mjs";
import "./chunk-WOOHVJRX.mjs";
import {
  idKey
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  diagMessages,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";
import {
  __commonJS,
  __export,
  __toESM
} from "./chunk-EGEKWWZA.mjs";

// node_modules/emoji-regex/index.js
var require_emoji_regex = __commonJS({
  "node_modules/emoji-regex/index.js"(exports, module) {
    module.exports = () => {
      return /[#*0-9]\uFE0F?\u20E3|[\xA9\xAE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B\u2328\u23CF\u23ED-\u23EF\u23F1\u23F2\u23F8-\u23FA\u24C2\u25AA\u25AB\u25B6\u25C0\u25FB\u25FC\u25FE\u2600-\u2604\u260E\u2611\u2614\u2615\u2618\u2620\u2622\u2623\u2626\u262A\u262E\u262F\u2638-\u263A\u2640\u2642\u2648-\u2653\u265F\u2660\u2663\u2665\u2666\u2668\u267B\u267E\u267F\u2692\u2694-\u2697\u2699\u269B\u269C\u26A0\u26A7\u26AA\u26B0\u26B1\u26BD\u26BE\u26C4\u26C8\u26CF\u26D1\u26E9\u26F0-\u26F5\u26F7\u26F8\u26FA\u2702\u2708\u2709\u270F\u2712\u2714\u2716\u271D\u2721\u2733\u2734\u2744\u2747\u2757\u2763\u27A1\u2934\u2935\u2B05-\u2B07\u2B1B\u2B1C\u2B55\u3030\u303D\u3297\u3299]\uFE0F?|[\u261D\u270C\u270D](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\u270A\u270B](?:\uD83C[\uDFFB-\uDFFF])?|[\u23E9-\u23EC\u23F0\u23F3\u25FD\u2693\u26A1\u26AB\u26C5\u26CE\u26D4\u26EA\u26FD\u2705\u2728\u274C\u274E\u2753-\u2755\u2795-\u2797\u27B0\u27BF\u2B50]|\u26D3\uFE0F?(?:\u200D\uD83D\uDCA5)?|\u26F9(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\u2764\uFE0F?(?:\u200D(?:\uD83D\uDD25|\uD83E\uDE79))?|\uD83C(?:[\uDC04\uDD70\uDD71\uDD7E\uDD7F\uDE02\uDE37\uDF21\uDF24-\uDF2C\uDF36\uDF7D\uDF96\uDF97\uDF99-\uDF9B\uDF9E\uDF9F\uDFCD\uDFCE\uDFD4-\uDFDF\uDFF5\uDFF7]\uFE0F?|[\uDF85\uDFC2\uDFC7](?:\uD83C[\uDFFB-\uDFFF])?|[\uDFC4\uDFCA](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDFCB\uDFCC](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDCCF\uDD8E\uDD91-\uDD9A\uDE01\uDE1A\uDE2F\uDE32-\uDE36\uDE38-\uDE3A\uDE50\uDE51\uDF00-\uDF20\uDF2D-\uDF35\uDF37-\uDF43\uDF45-\uDF4A\uDF4C-\uDF7C\uDF7E-\uDF84\uDF86-\uDF93\uDFA0-\uDFC1\uDFC5\uDFC6\uDFC8\uDFC9\uDFCF-\uDFD3\uDFE0-\uDFF0\uDFF8-\uDFFF]|\uDDE6\uD83C[\uDDE8-\uDDEC\uDDEE\uDDF1\uDDF2\uDDF4\uDDF6-\uDDFA\uDDFC\uDDFD\uDDFF]|\uDDE7\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEF\uDDF1-\uDDF4\uDDF6-\uDDF9\uDDFB\uDDFC\uDDFE\uDDFF]|\uDDE8\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDEE\uDDF0-\uDDF7\uDDFA-\uDDFF]|\uDDE9\uD83C[\uDDEA\uDDEC\uDDEF\uDDF0\uDDF2\uDDF4\uDDFF]|\uDDEA\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDED\uDDF7-\uDDFA]|\uDDEB\uD83C[\uDDEE-\uDDF0\uDDF2\uDDF4\uDDF7]|\uDDEC\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEE\uDDF1-\uDDF3\uDDF5-\uDDFA\uDDFC\uDDFE]|\uDDED\uD83C[\uDDF0\uDDF2\uDDF3\uDDF7\uDDF9\uDDFA]|\uDDEE\uD83C[\uDDE8-\uDDEA\uDDF1-\uDDF4\uDDF6-\uDDF9]|\uDDEF\uD83C[\uDDEA\uDDF2\uDDF4\uDDF5]|\uDDF0\uD83C[\uDDEA\uDDEC-\uDDEE\uDDF2\uDDF3\uDDF5\uDDF7\uDDFC\uDDFE\uDDFF]|\uDDF1\uD83C[\uDDE6-\uDDE8\uDDEE\uDDF0\uDDF7-\uDDFB\uDDFE]|\uDDF2\uD83C[\uDDE6\uDDE8-\uDDED\uDDF0-\uDDFF]|\uDDF3\uD83C[\uDDE6\uDDE8\uDDEA-\uDDEC\uDDEE\uDDF1\uDDF4\uDDF5\uDDF7\uDDFA\uDDFF]|\uDDF4\uD83C\uDDF2|\uDDF5\uD83C[\uDDE6\uDDEA-\uDDED\uDDF0-\uDDF3\uDDF7-\uDDF9\uDDFC\uDDFE]|\uDDF6\uD83C\uDDE6|\uDDF7\uD83C[\uDDEA\uDDF4\uDDF8\uDDFA\uDDFC]|\uDDF8\uD83C[\uDDE6-\uDDEA\uDDEC-\uDDF4\uDDF7-\uDDF9\uDDFB\uDDFD-\uDDFF]|\uDDF9\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDED\uDDEF-\uDDF4\uDDF7\uDDF9\uDDFB\uDDFC\uDDFF]|\uDDFA\uD83C[\uDDE6\uDDEC\uDDF2\uDDF3\uDDF8\uDDFE\uDDFF]|\uDDFB\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDEE\uDDF3\uDDFA]|\uDDFC\uD83C[\uDDEB\uDDF8]|\uDDFD\uD83C\uDDF0|\uDDFE\uD83C[\uDDEA\uDDF9]|\uDDFF\uD83C[\uDDE6\uDDF2\uDDFC]|\uDF44(?:\u200D\uD83D\uDFEB)?|\uDF4B(?:\u200D\uD83D\uDFE9)?|\uDFC3(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDFF3\uFE0F?(?:\u200D(?:\u26A7\uFE0F?|\uD83C\uDF08))?|\uDFF4(?:\u200D\u2620\uFE0F?|\uDB40\uDC67\uDB40\uDC62\uDB40(?:\uDC65\uDB40\uDC6E\uDB40\uDC67|\uDC73\uDB40\uDC63\uDB40\uDC74|\uDC77\uDB40\uDC6C\uDB40\uDC73)\uDB40\uDC7F)?)|\uD83D(?:[\uDC3F\uDCFD\uDD49\uDD4A\uDD6F\uDD70\uDD73\uDD76-\uDD79\uDD87\uDD8A-\uDD8D\uDDA5\uDDA8\uDDB1\uDDB2\uDDBC\uDDC2-\uDDC4\uDDD1-\uDDD3\uDDDC-\uDDDE\uDDE1\uDDE3\uDDE8\uDDEF\uDDF3\uDDFA\uDECB\uDECD-\uDECF\uDEE0-\uDEE5\uDEE9\uDEF0\uDEF3]\uFE0F?|[\uDC42\uDC43\uDC46-\uDC50\uDC66\uDC67\uDC6B-\uDC6D\uDC72\uDC74-\uDC76\uDC78\uDC7C\uDC83\uDC85\uDC8F\uDC91\uDCAA\uDD7A\uDD95\uDD96\uDE4C\uDE4F\uDEC0\uDECC](?:\uD83C[\uDFFB-\uDFFF])?|[\uDC6E-\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4\uDEB5](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD74\uDD90](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\uDC00-\uDC07\uDC09-\uDC14\uDC16-\uDC25\uDC27-\uDC3A\uDC3C-\uDC3E\uDC40\uDC44\uDC45\uDC51-\uDC65\uDC6A\uDC79-\uDC7B\uDC7D-\uDC80\uDC84\uDC88-\uDC8E\uDC90\uDC92-\uDCA9\uDCAB-\uDCFC\uDCFF-\uDD3D\uDD4B-\uDD4E\uDD50-\uDD67\uDDA4\uDDFB-\uDE2D\uDE2F-\uDE34\uDE37-\uDE41\uDE43\uDE44\uDE48-\uDE4A\uDE80-\uDEA2\uDEA4-\uDEB3\uDEB7-\uDEBF\uDEC1-\uDEC5\uDED0-\uDED2\uDED5-\uDED8\uDEDC-\uDEDF\uDEEB\uDEEC\uDEF4-\uDEFC\uDFE0-\uDFEB\uDFF0]|\uDC08(?:\u200D\u2B1B)?|\uDC15(?:\u200D\uD83E\uDDBA)?|\uDC26(?:\u200D(?:\u2B1B|\uD83D\uDD25))?|\uDC3B(?:\u200D\u2744\uFE0F?)?|\uDC41\uFE0F?(?:\u200D\uD83D\uDDE8\uFE0F?)?|\uDC68(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDC68\uDC69]\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?))?|\uDC69(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?[\uDC68\uDC69]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?|\uDC69\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?))|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFC-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFD-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFD\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFE]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])))?))?|\uDD75(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\uDE2E(?:\u200D\uD83D\uDCA8)?|\uDE35(?:\u200D\uD83D\uDCAB)?|\uDE36(?:\u200D\uD83C\uDF2B\uFE0F?)?|\uDE42(?:\u200D[\u2194\u2195]\uFE0F?)?|\uDEB6(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?)|\uD83E(?:[\uDD0C\uDD0F\uDD18-\uDD1F\uDD30-\uDD34\uDD36\uDD77\uDDB5\uDDB6\uDDBB\uDDD2\uDDD3\uDDD5\uDEC3-\uDEC5\uDEF0\uDEF2-\uDEF8](?:\uD83C[\uDFFB-\uDFFF])?|[\uDD26\uDD35\uDD37-\uDD39\uDD3C-\uDD3E\uDDB8\uDDB9\uDDCD\uDDCF\uDDD4\uDDD6-\uDDDD](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDDDE\uDDDF](?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD0D\uDD0E\uDD10-\uDD17\uDD20-\uDD25\uDD27-\uDD2F\uDD3A\uDD3F-\uDD45\uDD47-\uDD76\uDD78-\uDDB4\uDDB7\uDDBA\uDDBC-\uDDCC\uDDD0\uDDE0-\uDDFF\uDE70-\uDE7C\uDE80-\uDE8A\uDE8E-\uDEC2\uDEC6\uDEC8\uDECD-\uDEDC\uDEDF-\uDEEA\uDEEF]|\uDDCE(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDDD1(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1|\uDDD1\u200D\uD83E\uDDD2(?:\u200D\uD83E\uDDD2)?|\uDDD2(?:\u200D\uD83E\uDDD2)?))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])))?))?|\uDEF1(?:\uD83C(?:\uDFFB(?:\u200D\uD83E\uDEF2\uD83C[\uDFFC-\uDFFF])?|\uDFFC(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFD-\uDFFF])?|\uDFFD(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])?|\uDFFE(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFD\uDFFF])?|\uDFFF(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFE])?))?)/g;
    };
  }
});

// lib/cli/verbs/run.ts
import { spawn } from "node:child_process";
import { closeSync, mkdirSync as mkdirSync2, openSync } from "node:fs";
import { dirname as dirname2, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";

// node_modules/log-update/index.js
import process5 from "node:process";

// node_modules/ansi-escapes/base.js
var base_exports = {};
__export(base_exports, {
  ConEmu: () => ConEmu,
  beep: () => beep,
  beginSynchronizedOutput: () => beginSynchronizedOutput,
  clearScreen: () => clearScreen,
  clearTerminal: () => clearTerminal,
  clearViewport: () => clearViewport,
  cursorBackward: () => cursorBackward,
  cursorDown: () => cursorDown,
  cursorForward: () => cursorForward,
  cursorGetPosition: () => cursorGetPosition,
  cursorHide: () => cursorHide,
  cursorLeft: () => cursorLeft,
  cursorMove: () => cursorMove,
  cursorNextLine: () => cursorNextLine,
  cursorPrevLine: () => cursorPrevLine,
  cursorRestorePosition: () => cursorRestorePosition,
  cursorSavePosition: () => cursorSavePosition,
  cursorShow: () => cursorShow,
  cursorTo: () => cursorTo,
  cursorUp: () => cursorUp,
  endSynchronizedOutput: () => endSynchronizedOutput,
  enterAlternativeScreen: () => enterAlternativeScreen,
  eraseDown: () => eraseDown,
  eraseEndLine: () => eraseEndLine,
  eraseLine: () => eraseLine,
  eraseLines: () => eraseLines,
  eraseScreen: () => eraseScreen,
  eraseStartLine: () => eraseStartLine,
  eraseUp: () => eraseUp,
  exitAlternativeScreen: () => exitAlternativeScreen,
  iTerm: () => iTerm,
  image: () => image,
  link: () => link,
  scrollDown: () => scrollDown,
  scrollUp: () => scrollUp,
  setCwd: () => setCwd,
  synchronizedOutput: () => synchronizedOutput
});
import process2 from "node:process";
import os from "node:os";

// node_modules/environment/index.js
var isBrowser = globalThis.window?.document !== void 0;
var isNode = globalThis.process?.versions?.node !== void 0;
var isBun = globalThis.process?.versions?.bun !== void 0;
var isDeno = globalThis.Deno?.version?.deno !== void 0;
var isElectron = globalThis.process?.versions?.electron !== void 0;
var isJsDom = globalThis.navigator?.userAgent?.includes("jsdom") === true;
var isWebWorker = typeof WorkerGlobalScope !== "undefined" && globalThis instanceof WorkerGlobalScope;
var isDedicatedWorker = typeof DedicatedWorkerGlobalScope !== "undefined" && globalThis instanceof DedicatedWorkerGlobalScope;
var isSharedWorker = typeof SharedWorkerGlobalScope !== "undefined" && globalThis instanceof SharedWorkerGlobalScope;
var isServiceWorker = typeof ServiceWorkerGlobalScope !== "undefined" && globalThis instanceof ServiceWorkerGlobalScope;
var platform = globalThis.navigator?.userAgentData?.platform;
var isMacOs = platform === "macOS" || globalThis.navigator?.platform === "MacIntel" || globalThis.navigator?.userAgent?.includes(" Mac ") === true || globalThis.process?.platform === "darwin";
var isWindows = platform === "Windows" || globalThis.navigator?.platform === "Win32" || globalThis.process?.platform === "win32";
var isLinux = platform === "Linux" || globalThis.navigator?.platform?.startsWith("Linux") === true || globalThis.navigator?.userAgent?.includes(" Linux ") === true || globalThis.process?.platform === "linux";
var isIos = platform === "iOS" || globalThis.navigator?.platform === "MacIntel" && globalThis.navigator?.maxTouchPoints > 1 || /iPad|iPhone|iPod/.test(globalThis.navigator?.platform);
var isAndroid = platform === "Android" || globalThis.navigator?.platform === "Android" || globalThis.navigator?.userAgent?.includes(" Android ") === true || globalThis.process?.platform === "android";

// node_modules/ansi-escapes/base.js
var ESC = "\x1B[";
var OSC = "\x1B]";
var BEL = "\x07";
var SEP = ";";
var isTerminalApp = !isBrowser && process2.env.TERM_PROGRAM === "Apple_Terminal";
var isWindows2 = !isBrowser && process2.platform === "win32";
var isTmux = !isBrowser && (process2.env.TERM?.startsWith("screen") || process2.env.TERM?.startsWith("tmux") || process2.env.TMUX !== void 0);
var cwdFunction = isBrowser ? () => {
  throw new Error("`process.cwd()` only works in Node.js, not the browser.");
} : process2.cwd;
var wrapOsc = (sequence) => {
  if (isTmux) {
    return "\x1BPtmux;" + sequence.replaceAll("\x1B", "\x1B\x1B") + "\x1B\\";
  }
  return sequence;
};
var cursorTo = (x, y) => {
  if (typeof x !== "number") {
    throw new TypeError("The `x` argument is required");
  }
  if (typeof y !== "number") {
    return ESC + (x + 1) + "G";
  }
  return ESC + (y + 1) + SEP + (x + 1) + "H";
};
var cursorMove = (x, y) => {
  if (typeof x !== "number") {
    throw new TypeError("The `x` argument is required");
  }
  let returnValue = "";
  if (x < 0) {
    returnValue += ESC + -x + "D";
  } else if (x > 0) {
    returnValue += ESC + x + "C";
  }
  if (y < 0) {
    returnValue += ESC + -y + "A";
  } else if (y > 0) {
    returnValue += ESC + y + "B";
  }
  return returnValue;
};
var cursorUp = (count = 1) => ESC + count + "A";
var cursorDown = (count = 1) => ESC + count + "B";
var cursorForward = (count = 1) => ESC + count + "C";
var cursorBackward = (count = 1) => ESC + count + "D";
var cursorLeft = ESC + "G";
var cursorSavePosition = isTerminalApp ? "\x1B7" : ESC + "s";
var cursorRestorePosition = isTerminalApp ? "\x1B8" : ESC + "u";
var cursorGetPosition = ESC + "6n";
var cursorNextLine = ESC + "E";
var cursorPrevLine = ESC + "F";
var cursorHide = ESC + "?25l";
var cursorShow = ESC + "?25h";
var eraseLines = (count) => {
  let clear = "";
  for (let i = 0; i < count; i++) {
    clear += eraseLine + (i < count - 1 ? cursorUp() : "");
  }
  if (count) {
    clear += cursorLeft;
  }
  return clear;
};
var eraseEndLine = ESC + "K";
var eraseStartLine = ESC + "1K";
var eraseLine = ESC + "2K";
var eraseDown = ESC + "J";
var eraseUp = ESC + "1J";
var eraseScreen = ESC + "2J";
var scrollUp = ESC + "S";
var scrollDown = ESC + "T";
var clearScreen = "\x1Bc";
var clearViewport = `${eraseScreen}${ESC}H`;
var isOldWindows = () => {
  if (isBrowser || !isWindows2) {
    return false;
  }
  const parts = os.release().split(".");
  const major = Number(parts[0]);
  const build = Number(parts[2] ?? 0);
  if (major < 10) {
    return true;
  }
  if (major === 10 && build < 10586) {
    return true;
  }
  return false;
};
var clearTerminal = isOldWindows() ? `${eraseScreen}${ESC}0f` : `${eraseScreen}${ESC}3J${ESC}H`;
var enterAlternativeScreen = ESC + "?1049h";
var exitAlternativeScreen = ESC + "?1049l";
var beginSynchronizedOutput = ESC + "?2026h";
var endSynchronizedOutput = ESC + "?2026l";
var synchronizedOutput = (text) => beginSynchronizedOutput + text + endSynchronizedOutput;
var beep = BEL;
var link = (text, url) => {
  const openLink = wrapOsc(`${OSC}8${SEP}${SEP}${url}${BEL}`);
  const closeLink = wrapOsc(`${OSC}8${SEP}${SEP}${BEL}`);
  return openLink + text + closeLink;
};
var image = (data, options = {}) => {
  let returnValue = `${OSC}1337;File=inline=1`;
  if (options.width) {
    returnValue += `;width=${options.width}`;
  }
  if (options.height) {
    returnValue += `;height=${options.height}`;
  }
  if (options.preserveAspectRatio === false) {
    returnValue += ";preserveAspectRatio=0";
  }
  const imageBuffer = Buffer.from(data);
  return wrapOsc(returnValue + `;size=${imageBuffer.byteLength}:` + imageBuffer.toString("base64") + BEL);
};
var iTerm = {
  setCwd: (cwd = cwdFunction()) => wrapOsc(`${OSC}50;CurrentDir=${cwd}${BEL}`),
  annotation(message, options = {}) {
    let returnValue = `${OSC}1337;`;
    const hasX = options.x !== void 0;
    const hasY = options.y !== void 0;
    if ((hasX || hasY) && !(hasX && hasY && options.length !== void 0)) {
      throw new Error("`x`, `y` and `length` must be defined when `x` or `y` is defined");
    }
    message = message.replaceAll("|", "");
    returnValue += options.isHidden ? "AddHiddenAnnotation=" : "AddAnnotation=";
    if (options.length > 0) {
      returnValue += (hasX ? [message, options.length, options.x, options.y] : [options.length, message]).join("|");
    } else {
      returnValue += message;
    }
    return wrapOsc(returnValue + BEL);
  }
};
var ConEmu = {
  setCwd: (cwd = cwdFunction()) => wrapOsc(`${OSC}9;9;${cwd}${BEL}`)
};
var setCwd = (cwd = cwdFunction()) => iTerm.setCwd(cwd) + ConEmu.setCwd(cwd);

// node_modules/cli-cursor/index.js
import process4 from "node:process";

// node_modules/restore-cursor/index.js
import process3 from "node:process";

// node_modules/mimic-function/index.js
var copyProperty = (to, from, property, ignoreNonConfigurable) => {
  if (property === "length" || property === "prototype") {
    return;
  }
  if (property === "arguments" || property === "caller") {
    return;
  }
  const toDescriptor = Object.getOwnPropertyDescriptor(to, property);
  const fromDescriptor = Object.getOwnPropertyDescriptor(from, property);
  if (!canCopyProperty(toDescriptor, fromDescriptor) && ignoreNonConfigurable) {
    return;
  }
  Object.defineProperty(to, property, fromDescriptor);
};
var canCopyProperty = function(toDescriptor, fromDescriptor) {
  return toDescriptor === void 0 || toDescriptor.configurable || toDescriptor.writable === fromDescriptor.writable && toDescriptor.enumerable === fromDescriptor.enumerable && toDescriptor.configurable === fromDescriptor.configurable && (toDescriptor.writable || toDescriptor.value === fromDescriptor.value);
};
var changePrototype = (to, from) => {
  const fromPrototype = Object.getPrototypeOf(from);
  if (fromPrototype === Object.getPrototypeOf(to)) {
    return;
  }
  Object.setPrototypeOf(to, fromPrototype);
};
var wrappedToString = (withName, fromBody) => `/* Wrapped ${withName}*/
${fromBody}`;
var toStringDescriptor = Object.getOwnPropertyDescriptor(Function.prototype, "toString");
var toStringName = Object.getOwnPropertyDescriptor(Function.prototype.toString, "name");
var changeToString = (to, from, name) => {
  const withName = name === "" ? "" : `with ${name.trim()}() `;
  const newToString = wrappedToString.bind(null, withName, from.toString());
  Object.defineProperty(newToString, "name", toStringName);
  const { writable, enumerable, configurable } = toStringDescriptor;
  Object.defineProperty(to, "toString", { value: newToString, writable, enumerable, configurable });
};
function mimicFunction(to, from, { ignoreNonConfigurable = false } = {}) {
  const { name } = to;
  for (const property of Reflect.ownKeys(from)) {
    copyProperty(to, from, property, ignoreNonConfigurable);
  }
  changePrototype(to, from);
  changeToString(to, from, name);
  return to;
}

// node_modules/onetime/index.js
var calledFunctions = /* @__PURE__ */ new WeakMap();
var onetime = (function_, options = {}) => {
  if (typeof function_ !== "function") {
    throw new TypeError("Expected a function");
  }
  let returnValue;
  let callCount = 0;
  const functionName = function_.displayName || function_.name || "<anonymous>";
  const onetime2 = function(...arguments_) {
    calledFunctions.set(onetime2, ++callCount);
    if (callCount === 1) {
      returnValue = function_.apply(this, arguments_);
      function_ = void 0;
    } else if (options.throw === true) {
      throw new Error(`Function \`${functionName}\` can only be called once`);
    }
    return returnValue;
  };
  mimicFunction(onetime2, function_);
  calledFunctions.set(onetime2, callCount);
  return onetime2;
};
onetime.callCount = (function_) => {
  if (!calledFunctions.has(function_)) {
    throw new Error(`The given function \`${function_.name}\` is not wrapped by the \`onetime\` package`);
  }
  return calledFunctions.get(function_);
};
var onetime_default = onetime;

// node_modules/restore-cursor/index.js
var terminal = process3.stderr.isTTY ? process3.stderr : process3.stdout.isTTY ? process3.stdout : void 0;
var restoreCursor = terminal ? onetime_default(() => {
  onExit(() => {
    terminal.write("\x1B[?25h");
  }, { alwaysLast: true });
}) : () => {
};
var restore_cursor_default = restoreCursor;

// node_modules/cli-cursor/index.js
var isHidden = false;
var cliCursor = {};
cliCursor.show = (writableStream = process4.stderr) => {
  if (!writableStream.isTTY) {
    return;
  }
  isHidden = false;
  writableStream.write("\x1B[?25h");
};
cliCursor.hide = (writableStream = process4.stderr) => {
  if (!writableStream.isTTY) {
    return;
  }
  restore_cursor_default();
  isHidden = true;
  writableStream.write("\x1B[?25l");
};
cliCursor.toggle = (force, writableStream) => {
  if (force !== void 0) {
    isHidden = force;
  }
  if (isHidden) {
    cliCursor.show(writableStream);
  } else {
    cliCursor.hide(writableStream);
  }
};
var cli_cursor_default = cliCursor;

// node_modules/ansi-regex/index.js
var ST = String.raw`(?:\u001B\u005C|\u009C)`;
var stringControls = String.raw`\u0018\u001A\u001B\u0080-\u009F`;
var osc = String.raw`(?:\u001B\]|\u009D)[^\u0007${stringControls}]*(?:\u0007|${ST})`;
var controlString = String.raw`(?:\u001B[PX^_k]|[\u0090\u0098\u009E\u009F])[^${stringControls}]*${ST}`;
var linuxPalette = String.raw`\u001B\](?:P[\dA-Fa-f]{7}|R)(?:\u0007|${ST})?`;
var csi = String.raw`(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]`;
var escape = String.raw`\u001B(?:[\u0020-\u002F]+[\u0030-\u007E]|[\dA-PR-TZcf-oq-uy=><~|}])`;
var pattern = `${linuxPalette}|${osc}|${controlString}|${csi}|${escape}`;
function ansiRegex({ onlyFirst = false } = {}) {
  return new RegExp(pattern, onlyFirst ? void 0 : "g");
}

// node_modules/strip-ansi/index.js
var regex = ansiRegex();
function stripAnsi(string) {
  if (typeof string !== "string") {
    throw new TypeError(`Expected a \`string\`, got \`${typeof string}\``);
  }
  if (!string.includes("\x1B") && !string.includes("\x9B")) {
    return string;
  }
  return string.replace(regex, "");
}

// node_modules/get-east-asian-width/lookup-data.js
var ambiguousMinimalCodePoint = 161;
var ambiguousMaximumCodePoint = 1114109;
var ambiguousRanges = [161, 161, 164, 164, 167, 168, 170, 170, 173, 174, 176, 180, 182, 186, 188, 191, 198, 198, 208, 208, 215, 216, 222, 225, 230, 230, 232, 234, 236, 237, 240, 240, 242, 243, 247, 250, 252, 252, 254, 254, 257, 257, 273, 273, 275, 275, 283, 283, 294, 295, 299, 299, 305, 307, 312, 312, 319, 322, 324, 324, 328, 331, 333, 333, 338, 339, 358, 359, 363, 363, 462, 462, 464, 464, 466, 466, 468, 468, 470, 470, 472, 472, 474, 474, 476, 476, 593, 593, 609, 609, 708, 708, 711, 711, 713, 715, 717, 717, 720, 720, 728, 731, 733, 733, 735, 735, 768, 879, 913, 929, 931, 937, 945, 961, 963, 969, 1025, 1025, 1040, 1103, 1105, 1105, 8208, 8208, 8211, 8214, 8216, 8217, 8220, 8221, 8224, 8226, 8228, 8231, 8240, 8240, 8242, 8243, 8245, 8245, 8251, 8251, 8254, 8254, 8308, 8308, 8319, 8319, 8321, 8324, 8364, 8364, 8451, 8451, 8453, 8453, 8457, 8457, 8467, 8467, 8470, 8470, 8481, 8482, 8486, 8486, 8491, 8491, 8531, 8532, 8539, 8542, 8544, 8555, 8560, 8569, 8585, 8585, 8592, 8601, 8632, 8633, 8658, 8658, 8660, 8660, 8679, 8679, 8704, 8704, 8706, 8707, 8711, 8712, 8715, 8715, 8719, 8719, 8721, 8721, 8725, 8725, 8730, 8730, 8733, 8736, 8739, 8739, 8741, 8741, 8743, 8748, 8750, 8750, 8756, 8759, 8764, 8765, 8776, 8776, 8780, 8780, 8786, 8786, 8800, 8801, 8804, 8807, 8810, 8811, 8814, 8815, 8834, 8835, 8838, 8839, 8853, 8853, 8857, 8857, 8869, 8869, 8895, 8895, 8978, 8978, 9312, 9449, 9451, 9547, 9552, 9587, 9600, 9615, 9618, 9621, 9632, 9633, 9635, 9641, 9650, 9651, 9654, 9655, 9660, 9661, 9664, 9665, 9670, 9672, 9675, 9675, 9678, 9681, 9698, 9701, 9711, 9711, 9733, 9734, 9737, 9737, 9742, 9743, 9756, 9756, 9758, 9758, 9792, 9792, 9794, 9794, 9824, 9825, 9827, 9829, 9831, 9834, 9836, 9837, 9839, 9839, 9886, 9887, 9919, 9919, 9926, 9933, 9935, 9939, 9941, 9953, 9955, 9955, 9960, 9961, 9963, 9969, 9972, 9972, 9974, 9977, 9979, 9980, 9982, 9983, 10045, 10045, 10102, 10111, 11094, 11097, 12872, 12879, 57344, 63743, 65024, 65039, 65533, 65533, 127232, 127242, 127248, 127277, 127280, 127337, 127344, 127373, 127375, 127376, 127387, 127404, 917760, 917999, 983040, 1048573, 1048576, 1114109];
var fullwidthMinimalCodePoint = 12288;
var fullwidthMaximumCodePoint = 65510;
var fullwidthRanges = [12288, 12288, 65281, 65376, 65504, 65510];
var wideMinimalCodePoint = 4352;
var wideMaximumCodePoint = 262141;
var wideRanges = [4352, 4447, 8986, 8987, 9001, 9002, 9193, 9196, 9200, 9200, 9203, 9203, 9725, 9726, 9748, 9749, 9776, 9783, 9800, 9811, 9855, 9855, 9866, 9871, 9875, 9875, 9889, 9889, 9898, 9899, 9917, 9918, 9924, 9925, 9934, 9934, 9940, 9940, 9962, 9962, 9970, 9971, 9973, 9973, 9978, 9978, 9981, 9981, 9989, 9989, 9994, 9995, 10024, 10024, 10060, 10060, 10062, 10062, 10067, 10069, 10071, 10071, 10133, 10135, 10160, 10160, 10175, 10175, 11035, 11036, 11088, 11088, 11093, 11093, 11904, 11929, 11931, 12019, 12032, 12245, 12272, 12287, 12289, 12350, 12353, 12438, 12441, 12543, 12549, 12591, 12593, 12686, 12688, 12773, 12783, 12830, 12832, 12871, 12880, 42124, 42128, 42182, 43360, 43388, 44032, 55203, 63744, 64255, 65040, 65049, 65072, 65106, 65108, 65126, 65128, 65131, 94176, 94180, 94192, 94198, 94208, 101594, 101631, 101664, 101760, 101874, 101888, 102801, 102816, 102866, 110576, 110579, 110581, 110587, 110589, 110590, 110592, 110888, 110898, 110898, 110928, 110930, 110933, 110933, 110948, 110952, 110960, 111355, 119552, 119638, 119648, 119670, 126980, 126980, 127183, 127183, 127374, 127374, 127377, 127386, 127406, 127406, 127488, 127490, 127504, 127547, 127552, 127560, 127568, 127569, 127584, 127589, 127744, 127776, 127789, 127797, 127799, 127868, 127870, 127891, 127904, 127946, 127951, 127955, 127968, 127984, 127988, 127988, 127992, 128062, 128064, 128064, 128066, 128252, 128255, 128317, 128331, 128334, 128336, 128359, 128378, 128378, 128405, 128406, 128420, 128420, 128507, 128591, 128640, 128709, 128716, 128716, 128720, 128722, 128725, 128729, 128732, 128735, 128747, 128748, 128756, 128764, 128986, 128986, 128992, 129003, 129008, 129008, 129292, 129338, 129340, 129349, 129351, 129535, 129648, 129660, 129664, 129734, 129736, 129736, 129740, 129757, 129759, 129771, 129775, 129786, 131072, 196605, 196608, 262141];

// node_modules/get-east-asian-width/utilities.js
var isInRange = (ranges, codePoint) => {
  let low = 0;
  let high = Math.floor(ranges.length / 2) - 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const i = mid * 2;
    if (codePoint < ranges[i]) {
      high = mid - 1;
    } else if (codePoint > ranges[i + 1]) {
      low = mid + 1;
    } else {
      return true;
    }
  }
  return false;
};

// node_modules/get-east-asian-width/lookup.js
var commonCjkCodePoint = 19968;
var [wideFastPathStart, wideFastPathEnd] = /* @__PURE__ */ findWideFastPathRange(wideRanges);
function findWideFastPathRange(ranges) {
  let fastPathStart = ranges[0];
  let fastPathEnd = ranges[1];
  for (let index = 0; index < ranges.length; index += 2) {
    const start = ranges[index];
    const end = ranges[index + 1];
    if (commonCjkCodePoint >= start && commonCjkCodePoint <= end) {
      return [start, end];
    }
    if (end - start > fastPathEnd - fastPathStart) {
      fastPathStart = start;
      fastPathEnd = end;
    }
  }
  return [fastPathStart, fastPathEnd];
}
var isAmbiguous = (codePoint) => {
  if (codePoint < ambiguousMinimalCodePoint || codePoint > ambiguousMaximumCodePoint) {
    return false;
  }
  return isInRange(ambiguousRanges, codePoint);
};
var isFullwidth = (codePoint) => {
  if (codePoint < fullwidthMinimalCodePoint || codePoint > fullwidthMaximumCodePoint) {
    return false;
  }
  return isInRange(fullwidthRanges, codePoint);
};
var isWide = (codePoint) => {
  if (codePoint >= wideFastPathStart && codePoint <= wideFastPathEnd) {
    return true;
  }
  if (codePoint < wideMinimalCodePoint || codePoint > wideMaximumCodePoint) {
    return false;
  }
  return isInRange(wideRanges, codePoint);
};

// node_modules/get-east-asian-width/index.js
function validate(codePoint) {
  if (!Number.isSafeInteger(codePoint)) {
    throw new TypeError(`Expected a code point, got \`${typeof codePoint}\`.`);
  }
}
function eastAsianWidth(codePoint, { ambiguousAsWide = false } = {}) {
  validate(codePoint);
  if (isFullwidth(codePoint) || isWide(codePoint) || ambiguousAsWide && isAmbiguous(codePoint)) {
    return 2;
  }
  return 1;
}

// node_modules/string-width/index.js
var import_emoji_regex = __toESM(require_emoji_regex(), 1);
var segmenter = new Intl.Segmenter();
var defaultIgnorableCodePointRegex = new RegExp("^\\p{Default_Ignorable_Code_Point}$", "u");
function stringWidth(string, options = {}) {
  if (typeof string !== "string" || string.length === 0) {
    return 0;
  }
  const {
    ambiguousIsNarrow = true,
    countAnsiEscapeCodes = false
  } = options;
  if (!countAnsiEscapeCodes) {
    string = stripAnsi(string);
  }
  if (string.length === 0) {
    return 0;
  }
  let width = 0;
  const eastAsianWidthOptions = { ambiguousAsWide: !ambiguousIsNarrow };
  for (const { segment: character } of segmenter.segment(string)) {
    const codePoint = character.codePointAt(0);
    if (codePoint <= 31 || codePoint >= 127 && codePoint <= 159) {
      continue;
    }
    if (codePoint >= 8203 && codePoint <= 8207 || codePoint === 65279) {
      continue;
    }
    if (codePoint >= 768 && codePoint <= 879 || codePoint >= 6832 && codePoint <= 6911 || codePoint >= 7616 && codePoint <= 7679 || codePoint >= 8400 && codePoint <= 8447 || codePoint >= 65056 && codePoint <= 65071) {
      continue;
    }
    if (codePoint >= 55296 && codePoint <= 57343) {
      continue;
    }
    if (codePoint >= 65024 && codePoint <= 65039) {
      continue;
    }
    if (defaultIgnorableCodePointRegex.test(character)) {
      continue;
    }
    if ((0, import_emoji_regex.default)().test(character)) {
      width += 2;
      continue;
    }
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
  }
  return width;
}

// node_modules/slice-ansi/node_modules/ansi-styles/index.js
var ANSI_BACKGROUND_OFFSET = 10;
var wrapAnsi16 = (offset = 0) => (code) => `\x1B[${code + offset}m`;
var wrapAnsi256 = (offset = 0) => (code) => `\x1B[${38 + offset};5;${code}m`;
var wrapAnsi16m = (offset = 0) => (red, green, blue) => `\x1B[${38 + offset};2;${red};${green};${blue}m`;
var styles = {
  modifier: {
    reset: [0, 0],
    // 21 isn't widely supported and 22 does the same thing
    bold: [1, 22],
    dim: [2, 22],
    italic: [3, 23],
    underline: [4, 24],
    overline: [53, 55],
    inverse: [7, 27],
    hidden: [8, 28],
    strikethrough: [9, 29]
  },
  color: {
    black: [30, 39],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    blue: [34, 39],
    magenta: [35, 39],
    cyan: [36, 39],
    white: [37, 39],
    // Bright color
    blackBright: [90, 39],
    gray: [90, 39],
    // Alias of `blackBright`
    grey: [90, 39],
    // Alias of `blackBright`
    redBright: [91, 39],
    greenBright: [92, 39],
    yellowBright: [93, 39],
    blueBright: [94, 39],
    magentaBright: [95, 39],
    cyanBright: [96, 39],
    whiteBright: [97, 39]
  },
  bgColor: {
    bgBlack: [40, 49],
    bgRed: [41, 49],
    bgGreen: [42, 49],
    bgYellow: [43, 49],
    bgBlue: [44, 49],
    bgMagenta: [45, 49],
    bgCyan: [46, 49],
    bgWhite: [47, 49],
    // Bright color
    bgBlackBright: [100, 49],
    bgGray: [100, 49],
    // Alias of `bgBlackBright`
    bgGrey: [100, 49],
    // Alias of `bgBlackBright`
    bgRedBright: [101, 49],
    bgGreenBright: [102, 49],
    bgYellowBright: [103, 49],
    bgBlueBright: [104, 49],
    bgMagentaBright: [105, 49],
    bgCyanBright: [106, 49],
    bgWhiteBright: [107, 49]
  }
};
var modifierNames = Object.keys(styles.modifier);
var foregroundColorNames = Object.keys(styles.color);
var backgroundColorNames = Object.keys(styles.bgColor);
var colorNames = [...foregroundColorNames, ...backgroundColorNames];
function assembleStyles() {
  const codes = /* @__PURE__ */ new Map();
  for (const [groupName, group] of Object.entries(styles)) {
    for (const [styleName, style] of Object.entries(group)) {
      styles[styleName] = {
        open: `\x1B[${style[0]}m`,
        close: `\x1B[${style[1]}m`
      };
      group[styleName] = styles[styleName];
      codes.set(style[0], style[1]);
    }
    Object.defineProperty(styles, groupName, {
      value: group,
      enumerable: false
    });
  }
  Object.defineProperty(styles, "codes", {
    value: codes,
    enumerable: false
  });
  styles.color.close = "\x1B[39m";
  styles.bgColor.close = "\x1B[49m";
  styles.color.ansi = wrapAnsi16();
  styles.color.ansi256 = wrapAnsi256();
  styles.color.ansi16m = wrapAnsi16m();
  styles.bgColor.ansi = wrapAnsi16(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi256 = wrapAnsi256(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi16m = wrapAnsi16m(ANSI_BACKGROUND_OFFSET);
  Object.defineProperties(styles, {
    rgbToAnsi256: {
      value(red, green, blue) {
        if (red === green && green === blue) {
          if (red < 8) {
            return 16;
          }
          if (red > 248) {
            return 231;
          }
          return Math.round((red - 8) / 247 * 24) + 232;
        }
        return 16 + 36 * Math.round(red / 255 * 5) + 6 * Math.round(green / 255 * 5) + Math.round(blue / 255 * 5);
      },
      enumerable: false
    },
    hexToRgb: {
      value(hex) {
        const matches = /[a-f\d]{6}|[a-f\d]{3}/i.exec(hex.toString(16));
        if (!matches) {
          return [0, 0, 0];
        }
        let [colorString] = matches;
        if (colorString.length === 3) {
          colorString = [...colorString].map((character) => character + character).join("");
        }
        const integer = Number.parseInt(colorString, 16);
        return [
          /* eslint-disable no-bitwise */
          integer >> 16 & 255,
          integer >> 8 & 255,
          integer & 255
          /* eslint-enable no-bitwise */
        ];
      },
      enumerable: false
    },
    hexToAnsi256: {
      value: (hex) => styles.rgbToAnsi256(...styles.hexToRgb(hex)),
      enumerable: false
    },
    ansi256ToAnsi: {
      value(code) {
        if (code < 8) {
          return 30 + code;
        }
        if (code < 16) {
          return 90 + (code - 8);
        }
        let red;
        let green;
        let blue;
        if (code >= 232) {
          red = ((code - 232) * 10 + 8) / 255;
          green = red;
          blue = red;
        } else {
          code -= 16;
          const remainder = code % 36;
          red = Math.floor(code / 36) / 5;
          green = Math.floor(remainder / 6) / 5;
          blue = remainder % 6 / 5;
        }
        const value = Math.max(red, green, blue) * 2;
        if (value === 0) {
          return 30;
        }
        let result = 30 + (Math.round(blue) << 2 | Math.round(green) << 1 | Math.round(red));
        if (value === 2) {
          result += 60;
        }
        return result;
      },
      enumerable: false
    },
    rgbToAnsi: {
      value: (red, green, blue) => styles.ansi256ToAnsi(styles.rgbToAnsi256(red, green, blue)),
      enumerable: false
    },
    hexToAnsi: {
      value: (hex) => styles.ansi256ToAnsi(styles.hexToAnsi256(hex)),
      enumerable: false
    }
  });
  return styles;
}
var ansiStyles = assembleStyles();
var ansi_styles_default = ansiStyles;

// node_modules/wrap-ansi/index.js
var ESCAPES = /* @__PURE__ */ new Set([
  "\x1B",
  "\x9B"
]);
var END_CODE = 39;
var ANSI_ESCAPE_BELL = "\x07";
var ANSI_CSI = "[";
var ANSI_OSC = "]";
var ANSI_SGR_TERMINATOR = "m";
var ANSI_ESCAPE_LINK = `${ANSI_OSC}8;;`;
var wrapAnsiCode = (code) => `${ESCAPES.values().next().value}${ANSI_CSI}${code}${ANSI_SGR_TERMINATOR}`;
var wrapAnsiHyperlink = (url) => `${ESCAPES.values().next().value}${ANSI_ESCAPE_LINK}${url}${ANSI_ESCAPE_BELL}`;
var wordLengths = (string) => string.split(" ").map((character) => stringWidth(character));
var wrapWord = (rows, word, columns) => {
  const characters = [...word];
  let isInsideEscape = false;
  let isInsideLinkEscape = false;
  let visible = stringWidth(stripAnsi(rows.at(-1)));
  for (const [index, character] of characters.entries()) {
    const characterLength = stringWidth(character);
    if (visible + characterLength <= columns) {
      rows[rows.length - 1] += character;
    } else {
      rows.push(character);
      visible = 0;
    }
    if (ESCAPES.has(character)) {
      isInsideEscape = true;
      const ansiEscapeLinkCandidate = characters.slice(index + 1, index + 1 + ANSI_ESCAPE_LINK.length).join("");
      isInsideLinkEscape = ansiEscapeLinkCandidate === ANSI_ESCAPE_LINK;
    }
    if (isInsideEscape) {
      if (isInsideLinkEscape) {
        if (character === ANSI_ESCAPE_BELL) {
          isInsideEscape = false;
          isInsideLinkEscape = false;
        }
      } else if (character === ANSI_SGR_TERMINATOR) {
        isInsideEscape = false;
      }
      continue;
    }
    visible += characterLength;
    if (visible === columns && index < characters.length - 1) {
      rows.push("");
      visible = 0;
    }
  }
  if (!visible && rows.at(-1).length > 0 && rows.length > 1) {
    rows[rows.length - 2] += rows.pop();
  }
};
var stringVisibleTrimSpacesRight = (string) => {
  const words = string.split(" ");
  let last = words.length;
  while (last > 0) {
    if (stringWidth(words[last - 1]) > 0) {
      break;
    }
    last--;
  }
  if (last === words.length) {
    return string;
  }
  return words.slice(0, last).join(" ") + words.slice(last).join("");
};
var exec = (string, columns, options = {}) => {
  if (options.trim !== false && string.trim() === "") {
    return "";
  }
  let returnValue = "";
  let escapeCode;
  let escapeUrl;
  const lengths = wordLengths(string);
  let rows = [""];
  for (const [index, word] of string.split(" ").entries()) {
    if (options.trim !== false) {
      rows[rows.length - 1] = rows.at(-1).trimStart();
    }
    let rowLength = stringWidth(rows.at(-1));
    if (index !== 0) {
      if (rowLength >= columns && (options.wordWrap === false || options.trim === false)) {
        rows.push("");
        rowLength = 0;
      }
      if (rowLength > 0 || options.trim === false) {
        rows[rows.length - 1] += " ";
        rowLength++;
      }
    }
    if (options.hard && lengths[index] > columns) {
      const remainingColumns = columns - rowLength;
      const breaksStartingThisLine = 1 + Math.floor((lengths[index] - remainingColumns - 1) / columns);
      const breaksStartingNextLine = Math.floor((lengths[index] - 1) / columns);
      if (breaksStartingNextLine < breaksStartingThisLine) {
        rows.push("");
      }
      wrapWord(rows, word, columns);
      continue;
    }
    if (rowLength + lengths[index] > columns && rowLength > 0 && lengths[index] > 0) {
      if (options.wordWrap === false && rowLength < columns) {
        wrapWord(rows, word, columns);
        continue;
      }
      rows.push("");
    }
    if (rowLength + lengths[index] > columns && options.wordWrap === false) {
      wrapWord(rows, word, columns);
      continue;
    }
    rows[rows.length - 1] += word;
  }
  if (options.trim !== false) {
    rows = rows.map((row) => stringVisibleTrimSpacesRight(row));
  }
  const preString = rows.join("\n");
  const pre = [...preString];
  let preStringIndex = 0;
  for (const [index, character] of pre.entries()) {
    returnValue += character;
    if (ESCAPES.has(character)) {
      const { groups } = new RegExp(`(?:\\${ANSI_CSI}(?<code>\\d+)m|\\${ANSI_ESCAPE_LINK}(?<uri>.*)${ANSI_ESCAPE_BELL})`).exec(preString.slice(preStringIndex)) || { groups: {} };
      if (groups.code !== void 0) {
        const code2 = Number.parseFloat(groups.code);
        escapeCode = code2 === END_CODE ? void 0 : code2;
      } else if (groups.uri !== void 0) {
        escapeUrl = groups.uri.length === 0 ? void 0 : groups.uri;
      }
    }
    const code = ansi_styles_default.codes.get(Number(escapeCode));
    if (pre[index + 1] === "\n") {
      if (escapeUrl) {
        returnValue += wrapAnsiHyperlink("");
      }
      if (escapeCode && code) {
        returnValue += wrapAnsiCode(code);
      }
    } else if (character === "\n") {
      if (escapeCode && code) {
        returnValue += wrapAnsiCode(escapeCode);
      }
      if (escapeUrl) {
        returnValue += wrapAnsiHyperlink(escapeUrl);
      }
    }
    preStringIndex += character.length;
  }
  return returnValue;
};
function wrapAnsi(string, columns, options) {
  return String(string).normalize().replaceAll("\r\n", "\n").split("\n").map((line) => exec(line, columns, options)).join("\n");
}

// node_modules/is-fullwidth-code-point/index.js
function isFullwidthCodePoint(codePoint) {
  if (!Number.isInteger(codePoint)) {
    return false;
  }
  return isFullwidth(codePoint) || isWide(codePoint);
}

// node_modules/slice-ansi/index.js
var ESCAPES2 = /* @__PURE__ */ new Set([27, 155]);
var CODE_POINT_0 = "0".codePointAt(0);
var CODE_POINT_9 = "9".codePointAt(0);
var MAX_ANSI_SEQUENCE_LENGTH = 19;
var endCodesSet = /* @__PURE__ */ new Set();
var endCodesMap = /* @__PURE__ */ new Map();
for (const [start, end] of ansi_styles_default.codes) {
  endCodesSet.add(ansi_styles_default.color.ansi(end));
  endCodesMap.set(ansi_styles_default.color.ansi(start), ansi_styles_default.color.ansi(end));
}
function getEndCode(code) {
  if (endCodesSet.has(code)) {
    return code;
  }
  if (endCodesMap.has(code)) {
    return endCodesMap.get(code);
  }
  code = code.slice(2);
  if (code.includes(";")) {
    code = code[0] + "0";
  }
  const returnValue = ansi_styles_default.codes.get(Number.parseInt(code, 10));
  if (returnValue) {
    return ansi_styles_default.color.ansi(returnValue);
  }
  return ansi_styles_default.reset.open;
}
function findNumberIndex(string) {
  for (let index = 0; index < string.length; index++) {
    const codePoint = string.codePointAt(index);
    if (codePoint >= CODE_POINT_0 && codePoint <= CODE_POINT_9) {
      return index;
    }
  }
  return -1;
}
function parseAnsiCode(string, offset) {
  string = string.slice(offset, offset + MAX_ANSI_SEQUENCE_LENGTH);
  const startIndex = findNumberIndex(string);
  if (startIndex !== -1) {
    let endIndex = string.indexOf("m", startIndex);
    if (endIndex === -1) {
      endIndex = string.length;
    }
    return string.slice(0, endIndex + 1);
  }
}
function tokenize(string, endCharacter = Number.POSITIVE_INFINITY) {
  const returnValue = [];
  let index = 0;
  let visibleCount = 0;
  while (index < string.length) {
    const codePoint = string.codePointAt(index);
    if (ESCAPES2.has(codePoint)) {
      const code = parseAnsiCode(string, index);
      if (code) {
        returnValue.push({
          type: "ansi",
          code,
          endCode: getEndCode(code)
        });
        index += code.length;
        continue;
      }
    }
    const isFullWidth = isFullwidthCodePoint(codePoint);
    const character = String.fromCodePoint(codePoint);
    returnValue.push({
      type: "character",
      value: character,
      isFullWidth
    });
    index += character.length;
    visibleCount += isFullWidth ? 2 : character.length;
    if (visibleCount >= endCharacter) {
      break;
    }
  }
  return returnValue;
}
function reduceAnsiCodes(codes) {
  let returnValue = [];
  for (const code of codes) {
    if (code.code === ansi_styles_default.reset.open) {
      returnValue = [];
    } else if (endCodesSet.has(code.code)) {
      returnValue = returnValue.filter((returnValueCode) => returnValueCode.endCode !== code.code);
    } else {
      returnValue = returnValue.filter((returnValueCode) => returnValueCode.endCode !== code.endCode);
      returnValue.push(code);
    }
  }
  return returnValue;
}
function undoAnsiCodes(codes) {
  const reduced = reduceAnsiCodes(codes);
  const endCodes = reduced.map(({ endCode }) => endCode);
  return endCodes.reverse().join("");
}
function sliceAnsi(string, start, end) {
  const tokens = tokenize(string, end);
  let activeCodes = [];
  let position = 0;
  let returnValue = "";
  let include = false;
  for (const token of tokens) {
    if (end !== void 0 && position >= end) {
      break;
    }
    if (token.type === "ansi") {
      activeCodes.push(token);
      if (include) {
        returnValue += token.code;
      }
    } else {
      if (!include && position >= start) {
        include = true;
        activeCodes = reduceAnsiCodes(activeCodes);
        returnValue = activeCodes.map(({ code }) => code).join("");
      }
      if (include) {
        returnValue += token.value;
      }
      position += token.isFullWidth ? 2 : token.value.length;
    }
  }
  returnValue += undoAnsiCodes(activeCodes);
  return returnValue;
}

// node_modules/log-update/index.js
var defaultTerminalHeight = 24;
var getWidth = ({ columns = 80 }) => columns;
var fitToTerminalHeight = (stream, text) => {
  const terminalHeight = stream.rows ?? defaultTerminalHeight;
  const lines = text.split("\n");
  const toRemove = Math.max(0, lines.length - terminalHeight);
  return toRemove ? sliceAnsi(text, stripAnsi(lines.slice(0, toRemove).join("\n")).length + 1) : text;
};
function createLogUpdate(stream, { showCursor = false } = {}) {
  let previousLineCount = 0;
  let previousWidth = getWidth(stream);
  let previousOutput = "";
  const reset = () => {
    previousOutput = "";
    previousWidth = getWidth(stream);
    previousLineCount = 0;
  };
  const render = (...arguments_) => {
    if (!showCursor) {
      cli_cursor_default.hide();
    }
    let output = fitToTerminalHeight(stream, arguments_.join(" ") + "\n");
    const width = getWidth(stream);
    if (output === previousOutput && previousWidth === width) {
      return;
    }
    previousOutput = output;
    previousWidth = width;
    output = wrapAnsi(output, width, { trim: false, hard: true, wordWrap: false });
    stream.write(base_exports.eraseLines(previousLineCount) + output);
    previousLineCount = output.split("\n").length;
  };
  render.clear = () => {
    stream.write(base_exports.eraseLines(previousLineCount));
    reset();
  };
  render.done = () => {
    reset();
    if (!showCursor) {
      cli_cursor_default.show();
    }
  };
  return render;
}
var logUpdate = createLogUpdate(process5.stdout);
var log_update_default = logUpdate;
var logUpdateStderr = createLogUpdate(process5.stderr);

// lib/core/run/budget.ts
var usd = (n) => `$${n.toFixed(n >= 1 ? 2 : 4)}`;
var mean = (xs) => xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
function projectedWorkerUsd(v) {
  return mean(v.workerCosts) ?? 0;
}
function projectedStoryUsd(v) {
  return mean(v.storyCosts) ?? projectedWorkerUsd(v) * 2;
}
function committedUsd(v) {
  return v.spentUsd + v.activeWorkers * projectedWorkerUsd(v);
}
function mayStartStory(v) {
  if (v.budgetUsd === null) return { ok: true };
  const need = committedUsd(v) + projectedStoryUsd(v);
  if (v.spentUsd >= v.budgetUsd || need > v.budgetUsd) {
    return { ok: false, reason: `budget: ${usd(v.spentUsd)} spent of ${usd(v.budgetUsd)}, and the next story is projected at ${usd(projectedStoryUsd(v))}` };
  }
  return { ok: true };
}
function workerCapUsd(v) {
  if (v.budgetUsd === null) return null;
  return v.budgetUsd - committedUsd(v);
}
function crossedWarning(budgetUsd, before, after, fraction = 0.75) {
  return budgetUsd !== null && before < budgetUsd * fraction && after >= budgetUsd * fraction;
}

// lib/core/run/eta.ts
function longestChain(stories, done) {
  const left = new Map(stories.filter((s) => !done.has(s.id)).map((s) => [s.id, s.dependsOn.filter((d) => d !== s.id && !done.has(d))]));
  const dependents = /* @__PURE__ */ new Map();
  const pending = /* @__PURE__ */ new Map();
  for (const [id, deps] of left) {
    const open = deps.filter((d) => left.has(d));
    pending.set(id, open.length);
    for (const d of open) {
      const list = dependents.get(d);
      if (list) list.push(id);
      else dependents.set(d, [id]);
    }
  }
  const chain = /* @__PURE__ */ new Map();
  const queue = [...left.keys()].filter((id) => pending.get(id) === 0);
  let longest = 0;
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    const len = 1 + Math.max(0, ...(left.get(id) ?? []).map((d) => chain.get(d) ?? 0));
    chain.set(id, len);
    longest = Math.max(longest, len);
    for (const t of dependents.get(id) ?? []) {
      const n = (pending.get(t) ?? 1) - 1;
      pending.set(t, n);
      if (n === 0) queue.push(t);
    }
  }
  return longest;
}
function estimateRemainingMs(stories, done, maxParallel, storyMs) {
  const left = stories.filter((s) => !done.has(s.id)).length;
  if (left === 0 || storyMs.length === 0) return null;
  const mean2 = storyMs.reduce((a, b) => a + b, 0) / storyMs.length;
  const lengths = Math.max(longestChain(stories, done), Math.ceil(left / Math.max(1, maxParallel)));
  return mean2 * lengths;
}

// lib/cli/render/run-view.ts
function eventLine(e) {
  const t = e.at.slice(11, 19);
  switch (e.type) {
    case "run-started":
      return `${t} run: ${e.total} stories, ${e.ready} ready, ${e.running} in flight, ${e.waiting} waiting${e.setAside.length ? `, set aside: ${e.setAside.join(", ")}` : ""} (maxParallel ${e.maxParallel}${e.budgetUsd !== null ? `, budget ${usd(e.budgetUsd)}` : ""})`;
    case "worker-started":
      return `${t} ${e.storyId}: ${e.role} #${e.n} started (${e.purpose}${e.resumed ? ", continuing its session" : ""})`;
    case "worker-ended":
      return `${t} ${e.storyId}: ${e.role} #${e.n} ${e.end}${e.outcome ? `: ${e.outcome}` : ""} (${usd(e.costUsd)}, ${e.tokens} tokens)`;
    case "story":
      return `${t} ${e.storyId}: ${e.status}${e.note ? ` (${e.note})` : ""}`;
    case "review":
      return `${t} ${e.storyId}: ${e.reviewer} ${e.verdict} \u2192 ${e.recorded}`;
    case "question":
      return `${t} ${e.storyId}: QUESTION: ${e.question}
    answer with: story-orchestrator answer ${e.storyId} "..."`;
    case "answered":
      return `${t} ${e.storyId}: answered; its developer goes on`;
    case "retry":
      return `${t} ${e.storyId}: ${e.role} ${e.reason}; retry in ${Math.round(e.afterMs / 1e3)} s`;
    case "story-failed":
      return `${t} ${e.storyId}: Failed: ${e.reason}`;
    case "merge-started":
      return `${t} ${e.storyId}: merging`;
    case "merge-refused":
      return `${t} ${e.storyId}: merge refused: ${e.reason}`;
    case "start-refused":
      return `${t} ${e.storyId}: not started: ${e.reason}`;
    case "budget-warning":
      return `${t} budget: ${usd(e.spentUsd)} of ${usd(e.budgetUsd)} spent (75%)`;
    case "budget-stop":
      return `${t} ${e.reason}: no new story starts; stories under way finish`;
    case "stopping":
      return `${t} stopping: ${e.workers} worker${e.workers === 1 ? "" : "s"} asked to stop${e.merging ? ", the merge under way finishes" : ""}`;
    case "run-finished":
      return `${t} run ${e.interrupted ? "interrupted" : "finished"}: ${e.done}/${e.total} done${e.failed.length ? `, failed: ${e.failed.join(", ")}` : ""}, ${usd(e.spentUsd)} spent`;
  }
}
var LiveView = class {
  rows = /* @__PURE__ */ new Map();
  spent = 0;
  done = 0;
  total = 0;
  budget = null;
  recent = [];
  startedAt = Date.now();
  /** The finish estimate's schedule: the stories left at the start, the cap, and what has left it since. */
  remaining = [];
  maxParallel = 1;
  gone = /* @__PURE__ */ new Set();
  /** When each story's first worker of this run started, and how long the finished ones took. */
  firstStart = /* @__PURE__ */ new Map();
  storyMs = [];
  apply(e) {
    const at = Date.parse(e.at);
    const row = (id) => this.rows.get(id) ?? { storyId: id, phase: "", since: at, tokens: 0, costUsd: 0 };
    switch (e.type) {
      case "run-started":
        this.budget = e.budgetUsd;
        this.total = e.total;
        this.done = e.done;
        this.startedAt = at;
        this.remaining = e.remaining;
        this.maxParallel = e.maxParallel;
        break;
      case "worker-started":
        if (!this.firstStart.has(e.storyId)) this.firstStart.set(e.storyId, at);
        this.rows.set(e.storyId, { ...row(e.storyId), phase: e.role === "developer" ? e.purpose === "start" ? "implementing" : e.purpose : `review (${e.role})`, since: at });
        break;
      case "worker-ended": {
        const r = row(e.storyId);
        this.spent += e.costUsd;
        this.rows.set(e.storyId, { ...r, phase: "between steps", tokens: r.tokens + e.tokens, costUsd: r.costUsd + e.costUsd, since: at });
        break;
      }
      case "question":
        this.rows.set(e.storyId, { ...row(e.storyId), phase: "waiting for an answer", since: at });
        break;
      case "merge-started":
        this.rows.set(e.storyId, { ...row(e.storyId), phase: "merging", since: at });
        break;
      case "story":
        if (e.status === "Done") {
          this.rows.delete(e.storyId);
          this.done++;
          this.gone.add(e.storyId);
          const first = this.firstStart.get(e.storyId);
          if (first !== void 0) this.storyMs.push(at - first);
        }
        break;
      case "story-failed":
        this.rows.delete(e.storyId);
        this.leaveWithDependents(e.storyId);
        break;
      default:
        break;
    }
    if (e.type !== "worker-started" && e.type !== "worker-ended") {
      this.recent.push(eventLine(e));
      if (this.recent.length > 4) this.recent.shift();
    }
  }
  /** The frame: recent events, one line per active story, the totals line. */
  frame(nowMs, width) {
    const cut2 = (s) => s.length > width ? `${s.slice(0, Math.max(0, width - 1))}\u2026` : s;
    const lines = [...this.recent];
    for (const r of [...this.rows.values()].sort((a, b) => a.storyId.localeCompare(b.storyId, void 0, { numeric: true }))) {
      lines.push(`  ${r.storyId.padEnd(10)} ${r.phase.padEnd(24)} ${clock(nowMs - r.since).padStart(6)}  ${String(r.tokens).padStart(8)} tok  ${usd(r.costUsd)}`);
    }
    const budget = this.budget !== null ? ` of ${usd(this.budget)}` : "";
    lines.push(`  ${this.done}/${this.total} done \xB7 ${usd(this.spent)}${budget} spent \xB7 ${clock(nowMs - this.startedAt)} elapsed${this.eta()}`);
    return lines.map(cut2).join("\n");
  }
  /** Finish estimate from the schedule left (core/run/eta.ts); none before a story of this run has finished. */
  eta() {
    const ms = estimateRemainingMs(this.remaining, this.gone, this.maxParallel, this.storyMs);
    return ms === null ? "" : ` \xB7 about ${clock(ms)} to go`;
  }
  /** A failed story leaves the schedule, and so do the stories that wait for it (they are blocked). */
  leaveWithDependents(id) {
    const queue = [id];
    while (queue.length) {
      const cur = queue.pop();
      if (this.gone.has(cur) && cur !== id) continue;
      this.gone.add(cur);
      for (const s of this.remaining) if (!this.gone.has(s.id) && s.dependsOn.includes(cur)) queue.push(s.id);
    }
  }
};
function clock(ms) {
  const s = Math.max(0, Math.round(ms / 1e3));
  const h = Math.floor(s / 3600);
  const m = Math.floor(s % 3600 / 60);
  const sec = s % 60;
  return h ? `${h}h${String(m).padStart(2, "0")}m` : `${m}:${String(sec).padStart(2, "0")}`;
}

// lib/engine/run/runner.ts
import { join } from "node:path";

// lib/engine/run/start-facts.ts
async function startFacts(root) {
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const scope = runScope(ctx);
  if (!scope.ok) return scope;
  const all = schedulable(ctx);
  const blocked = blockedStories(all);
  const left = all.filter((s) => (scope.value === null || scope.value.has(s.id)) && s.status !== "Done" && s.status !== "Failed" && s.status !== "Blocked" && !blocked.has(s.id) && !s.placeholder);
  const keys = new Set(left.map((s) => s.id));
  return ok({
    remaining: left.map((s) => ({ id: displayId(ctx, s.id), dependsOn: s.dependencies.filter((d) => keys.has(d)).map((d) => displayId(ctx, d)) })),
    storyFiles: new Map(ctx.project.stories.map((s) => [idKey(s.id), s.path]))
  });
}

// lib/core/run/ledger.ts
var attemptKey = (storyId, role) => `${storyId}|${role}`;
function foldLedger(lines) {
  const workers = /* @__PURE__ */ new Map();
  const sessions = /* @__PURE__ */ new Map();
  const failedAttempts = /* @__PURE__ */ new Map();
  let budgetWarned = false;
  const key = (l) => `${l.storyId}|${l.role}|${l.n}`;
  for (const l of lines) {
    switch (l.event) {
      case "worker-start":
        workers.set(key(l), { storyId: l.storyId, role: l.role, n: l.n, startedAt: l.at, endedAt: null, ...l.pid !== void 0 ? { pid: l.pid } : {}, costUsd: 0, tokens: 0 });
        break;
      case "worker-session": {
        const w = workers.get(key(l));
        if (w) w.sessionId = l.sessionId;
        const m = sessions.get(l.storyId) ?? /* @__PURE__ */ new Map();
        m.set(l.role, l.sessionId);
        sessions.set(l.storyId, m);
        break;
      }
      case "worker-end": {
        const w = workers.get(key(l));
        if (w) Object.assign(w, { endedAt: l.at, costUsd: l.costUsd, tokens: l.tokens, end: l.end, outcome: l.outcome });
        const k = attemptKey(l.storyId, l.role);
        failedAttempts.set(k, l.failedAttempt ? (failedAttempts.get(k) ?? 0) + 1 : 0);
        break;
      }
      case "budget-warning":
        budgetWarned = true;
        break;
      default:
        break;
    }
  }
  const all = [...workers.values()];
  return { workers: all, spentUsd: all.reduce((a, w) => a + w.costUsd, 0), sessions, failedAttempts, budgetWarned };
}
function storyUsage(view, storyId) {
  const ws = view.workers.filter((w) => w.storyId === storyId);
  return { costUsd: ws.reduce((a, w) => a + w.costUsd, 0), tokens: ws.reduce((a, w) => a + w.tokens, 0), workers: ws.length };
}

// lib/core/run/retry-policy.ts
function retryDecision(attempts, maxAttempts, backoffSeconds, why) {
  if (attempts >= maxAttempts) return { retry: false, reason: `${why}; gave up after ${attempts} attempt${attempts === 1 ? "" : "s"} (maxAttempts ${maxAttempts})` };
  return { retry: true, afterMs: backoffSeconds * 1e3 * 2 ** (attempts - 1) };
}

// lib/core/run/worker-protocol.ts
var DeveloperReportSchema = mini_exports.object({
  result: mini_exports.enum(["DONE", "BLOCKED", "QUESTION"]),
  summary: mini_exports.string(),
  question: mini_exports.optional(mini_exports.string())
});
var ReviewerReportSchema = mini_exports.object({
  verdict: mini_exports.enum(["approved", "changes-requested"]),
  findings: mini_exports.array(
    mini_exports.object({
      severity: mini_exports.enum(SEVERITIES),
      file: mini_exports.optional(mini_exports.string()),
      line: mini_exports.optional(mini_exports.int().check(mini_exports.gte(1))),
      message: mini_exports.string()
    })
  )
});
function reportJsonSchema(role) {
  const { $schema: _, ...schema } = mini_exports.toJSONSchema(role === "developer" ? DeveloperReportSchema : ReviewerReportSchema);
  return JSON.stringify(schema);
}
var InitLine = mini_exports.object({ type: mini_exports.literal("system"), subtype: mini_exports.literal("init"), session_id: mini_exports.string() });
var ModelUsage = mini_exports.record(mini_exports.string(), mini_exports.object({ inputTokens: mini_exports.optional(mini_exports.number()), outputTokens: mini_exports.optional(mini_exports.number()), costUSD: mini_exports.optional(mini_exports.number()) }));
var ResultLine = mini_exports.object({
  type: mini_exports.literal("result"),
  subtype: mini_exports.string(),
  is_error: mini_exports.optional(mini_exports.boolean()),
  session_id: mini_exports.optional(mini_exports.string()),
  /** For the whole session: a resumed session's total includes its earlier runs. */
  total_cost_usd: mini_exports.optional(mini_exports.number()),
  /** This invocation only (Claude Code 2.1.3xx). */
  model_usage_since_last_result: mini_exports.optional(ModelUsage),
  usage: mini_exports.optional(mini_exports.object({ input_tokens: mini_exports.optional(mini_exports.number()), output_tokens: mini_exports.optional(mini_exports.number()), cache_read_input_tokens: mini_exports.optional(mini_exports.number()), cache_creation_input_tokens: mini_exports.optional(mini_exports.number()) })),
  num_turns: mini_exports.optional(mini_exports.number()),
  duration_ms: mini_exports.optional(mini_exports.number()),
  result: mini_exports.optional(mini_exports.string()),
  structured_output: mini_exports.optional(mini_exports.unknown()),
  errors: mini_exports.optional(mini_exports.array(mini_exports.string()))
});
function readStreamLine(text) {
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    return { kind: "malformed", text };
  }
  const init = InitLine.safeParse(v);
  if (init.success) return { kind: "init", sessionId: init.data.session_id };
  const res = ResultLine.safeParse(v);
  if (res.success) return { kind: "result", result: res.data };
  return { kind: "other" };
}
function usageOf(r, previousTotalUsd = 0) {
  const since = r.model_usage_since_last_result;
  if (since) {
    const ms = Object.values(since);
    return {
      costUsd: ms.reduce((a, m) => a + (m.costUSD ?? 0), 0),
      tokens: ms.reduce((a, m) => a + (m.inputTokens ?? 0) + (m.outputTokens ?? 0), 0)
    };
  }
  const u = r.usage ?? {};
  return {
    costUsd: Math.max(0, (r.total_cost_usd ?? 0) - previousTotalUsd),
    tokens: (u.input_tokens ?? 0) + (u.output_tokens ?? 0) + (u.cache_read_input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0)
  };
}
function reportOf(r, schema) {
  if (r.subtype !== "success" || r.is_error === true) {
    return { ok: false, error: `the worker ended with ${r.subtype}${r.errors?.length ? ` (${r.errors.join("; ")})` : ""}` };
  }
  if (r.structured_output === void 0) return { ok: false, error: "the worker gave no structured report" };
  const p = schema.safeParse(r.structured_output);
  if (!p.success) return { ok: false, error: `the worker's report does not match its schema: ${p.error.issues.map((i) => `${i.path.join(".") || "report"}: ${i.message}`).join("; ")}` };
  return { ok: true, value: p.data };
}

// lib/engine/record-usage.ts
async function recordUsage(root, id, usage2, at) {
  return withStateLock(root, async () => {
    const r = await readStoryState(root, id);
    if (!r.ok) return r;
    if (!r.value) return ok(null);
    const st = r.value;
    await writeStoryState(root, { ...st, costUsd: (st.costUsd ?? 0) + usage2.costUsd, tokens: (st.tokens ?? 0) + usage2.tokens, lastUpdate: at });
    return ok(null);
  });
}

// lib/engine/run/orphans.ts
import { readFileSync } from "node:fs";
async function reapOrphans(view, root) {
  const open = view.workers.filter((w) => w.endedAt === null);
  for (const w of open) {
    if (w.pid === void 0 || !isOurWorker(w.pid, root)) continue;
    try {
      process.kill(w.pid, "SIGTERM");
    } catch {
    }
    await waitGone(w.pid, 5e3);
  }
  return open;
}
function isOurWorker(pid, root) {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmd.includes("story-orchestrator:") && cmd.includes(root);
  } catch {
    return false;
  }
}
async function waitGone(pid, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    process.kill(pid, "SIGKILL");
  } catch {
  }
}

// lib/engine/run/wakeup.ts
var Wakeup = class {
  pending = [];
  resolve = null;
  poke(reason) {
    this.pending.push(reason);
    this.resolve?.();
  }
  /** Resolves with why it woke: the events since the last wait, or `timeoutReason` after `ms`. */
  async wait(ms, timeoutReason) {
    if (this.pending.length === 0) {
      let timer;
      await new Promise((resolve) => {
        this.resolve = resolve;
        timer = setTimeout(() => {
          this.pending.push(timeoutReason);
          resolve();
        }, ms);
      });
      clearTimeout(timer);
      this.resolve = null;
    }
    const why = [...new Set(this.pending)];
    this.pending = [];
    return why;
  }
};

// lib/core/run/wake.ts
var SAFETY_POLL_MS = 3e4;
function sleepPlan(now, retryAts, pollMs) {
  let earliest = Infinity;
  for (const t of retryAts) if (t > now && t < earliest) earliest = t;
  return earliest - now < pollMs ? { ms: Math.max(0, earliest - now), reason: "retry-due" } : { ms: pollMs, reason: "poll" };
}

// lib/engine/run/runner.ts
var DEVELOPER = "developer";
async function runStories(opts) {
  const { root, backend, ports, emit, signal } = opts;
  const clock2 = opts.clock ?? systemClock;
  const now = () => clock2.now().toISOString();
  const pollMs = opts.pollMs ?? SAFETY_POLL_MS;
  const log = async (line) => {
    ledgerLines.push(line);
    await appendLedger(root, line);
  };
  const { config, errors } = await loadConfig(root);
  if (errors.length) throw new RunRefused(errors);
  const budgetUsd = opts.budgetUsd ?? config.budgetUsd;
  const resumed = await resumeRun(root, clock2);
  if (!resumed.ok) throw new RunRefused(resumed.error);
  const ledgerLines = await readLedger(root);
  for (const o of await reapOrphans(foldLedger(ledgerLines), root)) {
    await log({ at: now(), event: "worker-end", storyId: o.storyId, role: o.role, n: o.n, end: "crashed", costUsd: 0, tokens: 0, outcome: "the runner stopped while it ran", failedAttempt: false });
  }
  await log({ at: now(), event: "run-start", note: opts.scope.join(" ") });
  const active = /* @__PURE__ */ new Map();
  const ended = [];
  const wakeup = new Wakeup();
  signal.addEventListener("abort", () => wakeup.poke("abort"), { once: true });
  let answers = null;
  let passes = 0;
  let projectLoads = 0;
  let why = ["start"];
  const questions = /* @__PURE__ */ new Set();
  const sentBack = /* @__PURE__ */ new Map();
  const retryAt = /* @__PURE__ */ new Map();
  let merging = null;
  let stoppedByBudget = false;
  let budgetStopSaid = false;
  let first = true;
  let acted = false;
  const budgetStop = (reason) => {
    stoppedByBudget = true;
    if (budgetStopSaid) return;
    budgetStopSaid = true;
    void log({ at: now(), event: "budget-stop", note: reason });
    emit({ type: "budget-stop", at: now(), reason });
  };
  const mayLaunch = () => {
    if (signal.aborted) return false;
    const v2 = budgetView(view());
    const cap = workerCapUsd(v2);
    if (cap !== null && cap <= 0) {
      budgetStop(`budget: ${usd(v2.spentUsd)} spent of ${usd(v2.budgetUsd)}, nothing left for another worker`);
      return false;
    }
    return true;
  };
  let folded = null;
  const view = () => {
    if (folded?.lines !== ledgerLines.length) folded = { lines: ledgerLines.length, view: foldLedger(ledgerLines) };
    return folded.view;
  };
  let storyCosts = [];
  const budgetView = (v2) => ({
    budgetUsd,
    spentUsd: v2.spentUsd,
    activeWorkers: active.size,
    workerCosts: v2.workers.filter((w) => w.endedAt !== null && w.costUsd > 0).map((w) => w.costUsd),
    storyCosts
  });
  const launch = (st, role, agent, prompt, purpose, extra = {}) => {
    if (!mayLaunch()) return false;
    const v2 = view();
    const cap = workerCapUsd(budgetView(v2));
    const n = v2.workers.filter((w) => w.storyId === st.storyId && w.role === role).length + 1;
    const worktree = join(root, st.worktree ?? "");
    const handle = backend.launch({
      storyId: st.storyId,
      role,
      agent,
      cwd: worktree,
      prompt,
      jsonSchema: reportJsonSchema(role === DEVELOPER ? "developer" : "reviewer"),
      ...extra.resume ? { resumeSession: extra.resume } : {},
      ...cap !== null ? { capUsd: cap } : {},
      logFile: workerLogPath(root, st.storyId, role, n),
      env: { ...stringEnv(opts.env), STORY_ORCHESTRATOR_STORY: st.storyId, STORY_ORCHESTRATOR_ROLE: role, STORY_ORCHESTRATOR_WORKTREE: worktree },
      wallTimeMs: config.workerTimeoutMinutes * 6e4,
      silenceMs: config.workerSilenceMinutes * 6e4
    });
    const a = { storyId: st.storyId, role, n, handle, startedAt: Date.now(), purpose, ...extra.head ? { head: extra.head } : {} };
    active.set(attemptKey(st.storyId, role), a);
    void log({ at: now(), event: "worker-start", storyId: st.storyId, role, n, ...handle.pid !== void 0 ? { pid: handle.pid } : {}, ...extra.resume ? { resume: extra.resume } : {}, ...cap !== null ? { capUsd: cap } : {} });
    handle.onSession((sessionId) => void log({ at: now(), event: "worker-session", storyId: st.storyId, role, n, sessionId }));
    emit({ type: "worker-started", at: now(), storyId: st.storyId, role, n, resumed: Boolean(extra.resume), purpose });
    acted = true;
    void handle.done.then((end) => {
      ended.push({ active: a, end });
      wakeup.poke("worker-ended");
    });
    return true;
  };
  const devSession = (storyId) => view().sessions.get(storyId)?.get(DEVELOPER);
  const launchDeveloper = (st, storyFile, purpose, message) => {
    const base = developerPrompt({ id: st.storyId, worktree: join(root, st.worktree ?? ""), branch: st.branch ?? "", storyFile });
    const resume = purpose === "start" ? void 0 : devSession(st.storyId);
    const prompt = resume && message ? message : message ? `${base}

${message}` : base;
    return launch(st, DEVELOPER, st.agent, `${prompt}

${HEADLESS_DEVELOPER}`, purpose, resume ? { resume } : {});
  };
  let storyFiles = /* @__PURE__ */ new Map();
  const storyFileOf = (id) => storyFiles.get(idKey(id)) ?? "?";
  const failWith = async (storyId, reason) => {
    const f = await failStory(root, storyId, reason, clock2);
    await ports.notify({ type: "story-failed", at: now(), storyId, reason });
    emit({ type: "story-failed", at: now(), storyId, reason });
    return f;
  };
  const attemptFailed = async (a, why2) => {
    const tries = view().failedAttempts.get(attemptKey(a.storyId, a.role)) ?? 0;
    const d2 = retryDecision(tries, config.maxAttempts, config.retryBackoffSeconds, why2);
    if (d2.retry) {
      retryAt.set(attemptKey(a.storyId, a.role), Date.now() + d2.afterMs);
      emit({ type: "retry", at: now(), storyId: a.storyId, role: a.role, afterMs: d2.afterMs, reason: why2 });
    } else await failWith(a.storyId, `${a.role}: ${d2.reason}`);
  };
  const handleEnd = async ({ active: a, end }) => {
    active.delete(attemptKey(a.storyId, a.role));
    const before = view().spentUsd;
    let usage2 = { costUsd: 0, tokens: 0 };
    let outcome2 = end.kind === "finished" ? "" : `${end.kind}: ${end.detail}`;
    let dev = null;
    let rev = null;
    if (end.kind === "finished") {
      usage2 = usageOf(end.result);
      if (a.role === DEVELOPER) dev = reportOf(end.result, DeveloperReportSchema);
      else rev = reportOf(end.result, ReviewerReportSchema);
      const r = dev ?? rev;
      outcome2 = r && r.ok ? dev?.ok ? dev.value.result : rev?.ok ? rev.value.verdict : "" : r && !r.ok ? r.error : "";
      if (end.detail) outcome2 = `${outcome2} (${end.detail})`;
    }
    let usable = (dev?.ok ?? false) || (rev?.ok ?? false);
    let submitted = null;
    if (dev?.ok && dev.value.result === "DONE") {
      submitted = await submitStory(root, a.storyId, usage2, clock2);
      if (!submitted.ok) {
        usable = false;
        outcome2 = `submit refused: ${diagMessages(submitted.error)}`;
      }
    }
    await log({ at: now(), event: "worker-end", storyId: a.storyId, role: a.role, n: a.n, end: end.kind, costUsd: usage2.costUsd, tokens: usage2.tokens, outcome: outcome2, failedAttempt: !usable && end.kind !== "stopped" });
    if (!submitted?.ok && (usage2.costUsd || usage2.tokens)) await recordUsage(root, a.storyId, usage2, now());
    acted = true;
    emit({ type: "worker-ended", at: now(), storyId: a.storyId, role: a.role, n: a.n, end: end.kind, outcome: outcome2, costUsd: usage2.costUsd, tokens: usage2.tokens });
    const after = view().spentUsd;
    if (!view().budgetWarned && crossedWarning(budgetUsd, before, after)) {
      await log({ at: now(), event: "budget-warning" });
      await ports.notify({ type: "budget-warning", at: now(), spentUsd: after, budgetUsd });
      emit({ type: "budget-warning", at: now(), spentUsd: after, budgetUsd });
    }
    if (end.kind === "stopped") return;
    if (submitted && !submitted.ok) {
      return attemptFailed(a, outcome2);
    }
    if (!usable) return attemptFailed(a, outcome2 || "no report");
    if (a.role !== DEVELOPER) {
      const verdict = rev.value;
      const findings = verdict.findings.map((f) => ({ severity: f.severity, message: f.message, ...f.file ? { file: f.file } : {}, ...f.line ? { line: f.line } : {} }));
      const rec = await recordReview(root, a.storyId, { verdict: verdict.verdict, findings, reviewer: a.role, ...a.head ? { reviewedSha: a.head } : {}, source: "agent" }, clock2);
      emit({ type: "review", at: now(), storyId: a.storyId, reviewer: a.role, verdict: verdict.verdict, recorded: rec.ok ? rec.value.status : diagMessages(rec.error) });
      return;
    }
    const report = dev.value;
    if (report.result === "QUESTION") {
      const q = report.question ?? report.summary;
      await ports.writeQuestion(root, a.storyId, q, now());
      questions.add(a.storyId);
      await ports.notify({ type: "question", at: now(), storyId: a.storyId, question: q });
      emit({ type: "question", at: now(), storyId: a.storyId, question: q });
      return;
    }
    if (report.result === "BLOCKED") {
      await failWith(a.storyId, `the developer reported BLOCKED: ${report.summary}`);
      return;
    }
    const sub = submitted;
    sentBack.delete(a.storyId);
    emit({ type: "story", at: now(), storyId: a.storyId, status: sub.value.status, note: `head ${sub.value.headSha.slice(0, 8)}` });
  };
  const doMerge = async (id) => {
    emit({ type: "merge-started", at: now(), storyId: id });
    const m = await mergeStory(root, id, clock2);
    if (m.ok) {
      emit({ type: "story", at: now(), storyId: id, status: "Done", note: `merged ${m.value.mergedSha.slice(0, 8)}` });
    } else {
      const why2 = diagMessages(m.error);
      const sendBack = m.error.some((d2) => d2.code === "verify-failed" || d2.code === "merge-conflict");
      emit({ type: "merge-refused", at: now(), storyId: id, reason: why2 });
      if (sendBack) sentBack.set(id, why2);
      else await failWith(id, `merge refused: ${why2}`);
    }
  };
  try {
    for (; ; ) {
      passes++;
      opts.onPass?.(why);
      acted = false;
      while (ended.length) await handleEnd(ended.shift());
      if (signal.aborted) break;
      projectLoads++;
      const nx = await nextStories(root, first && opts.scope.length ? opts.scope : void 0);
      if (!nx.ok) throw new RunRefused(nx.error);
      if (first) {
        const orch = await readOrchestrationState(root);
        const facts = await startFacts(root);
        if (!facts.ok) throw new RunRefused(facts.error);
        storyFiles = facts.value.storyFiles;
        emit({ type: "run-started", at: now(), total: orch.ok && orch.value ? orch.value.stories.length : 0, done: orch.ok && orch.value ? orch.value.completed.length : 0, ready: nx.value.ready.length, running: nx.value.running.length, waiting: nx.value.waiting.length, setAside: nx.value.setAside.map((s) => s.id), maxParallel: config.maxParallel, budgetUsd, remaining: facts.value.remaining });
        first = false;
      }
      const states = await readAllStoryStates(root);
      if (!states.ok) throw new RunRefused(states.error);
      storyCosts = [...states.value.values()].filter((st) => st.status === "Done" || st.status === "Approved").map((st) => storyUsage(view(), st.storyId).costUsd).filter((c) => c > 0);
      const busy = (id, role = DEVELOPER) => active.has(attemptKey(id, role));
      const due = (id, role = DEVELOPER) => (retryAt.get(attemptKey(id, role)) ?? 0) <= Date.now();
      const stateOf = (id) => states.value.get(idKey(id));
      const mergeable = nx.value.byStep.merge.filter((id) => !sentBack.has(id) && !busy(id));
      if (!merging && mergeable.length) {
        const id = mergeable[0];
        acted = true;
        merging = doMerge(id).finally(() => {
          merging = null;
          acted = true;
          wakeup.poke("merge-settled");
        });
      }
      for (const [id, why2] of sentBack) {
        const st = stateOf(id);
        if (!st || busy(id) || !due(id)) continue;
        launchDeveloper(st, storyFileOf(id), "merge-back", `The merge of story ${id} was refused: ${why2}
Fix it in the worktree, commit, and report again.`);
      }
      for (const id of nx.value.byStep.review) {
        const st = stateOf(id);
        if (!st?.headSha) continue;
        for (const reviewer of config.reviewers) {
          if (busy(id, reviewer) || !due(id, reviewer) || st.reviews.some((r) => r.reviewer === reviewer && r.sha === st.headSha)) continue;
          const prompt = reviewerPrompt({ id: st.storyId, worktree: join(root, st.worktree ?? ""), storyFile: storyFileOf(id), base: st.baseSha ?? "?", head: st.headSha });
          launch(st, reviewer, reviewer, `${prompt}

${HEADLESS_REVIEWER}`, "start", { head: st.headSha });
        }
      }
      for (const id of nx.value.byStep.fix) {
        if (busy(id) || questions.has(id) || !due(id)) continue;
        if (!mayLaunch()) break;
        const s = await startStory(root, id, clock2);
        if (!s.ok) {
          emit({ type: "start-refused", at: now(), storyId: id, reason: diagMessages(s.error) });
          continue;
        }
        const st = stateOf(id);
        launchDeveloper({ ...st, worktree: s.value.worktree, branch: s.value.branch }, storyFileOf(id), "fix", fixRoundMessage(s.value.fix ?? []));
      }
      for (const id of nx.value.byStep.developing) {
        const st = stateOf(id);
        if (!st || busy(id) || !due(id)) continue;
        if (questions.has(id) || await ports.hasQuestion(root, id)) {
          const answer = await ports.readAnswer(root, id);
          if (answer === null) {
            questions.add(id);
            continue;
          }
          await ports.closeQuestion(root, id);
          questions.delete(id);
          emit({ type: "answered", at: now(), storyId: id });
          launchDeveloper(st, storyFileOf(id), "answer", `A person answered your question:
${answer}
Go on with the story, commit, and report again.`);
          continue;
        }
        const tries = view().failedAttempts.get(attemptKey(id, DEVELOPER)) ?? 0;
        launchDeveloper(st, storyFileOf(id), tries ? "retry" : devSession(id) ? "continue" : "start", devSession(id) ? `Your session was interrupted. Go on with story ${id} where you stopped, commit, and report.` : void 0);
      }
      for (const r of nx.value.ready) {
        const ok2 = mayStartStory(budgetView(view()));
        if (!ok2.ok) {
          budgetStop(ok2.reason);
          break;
        }
        if (!mayLaunch()) break;
        const s = await startStory(root, r.id, clock2);
        if (!s.ok) {
          emit({ type: "start-refused", at: now(), storyId: r.id, reason: diagMessages(s.error) });
          continue;
        }
        const fresh = await readAllStoryStates(root);
        const st = fresh.ok ? fresh.value.get(idKey(r.id)) : void 0;
        if (st) {
          emit({ type: "story", at: now(), storyId: r.id, status: "In Progress", note: `${s.value.agent} in ${s.value.worktree}` });
          launchDeveloper(st, storyFileOf(r.id), "start");
        }
      }
      const waitingForPeople = questions.size > 0;
      if (waitingForPeople && !answers?.alive() && ports.watchAnswers) answers = ports.watchAnswers(root, () => wakeup.poke("answers"));
      else if (!waitingForPeople && answers) {
        answers.close();
        answers = null;
      }
      const pendingRetries = [...retryAt.values()].some((t) => t > Date.now());
      if (active.size === 0 && !merging && ended.length === 0 && !pendingRetries && !waitingForPeople) {
        projectLoads++;
        const again = await nextStories(root);
        if (!again.ok) throw new RunRefused(again.error);
        if (!progressPossible(again.value, acted, stoppedByBudget)) break;
        why = ["follow-up"];
        continue;
      }
      const plan = sleepPlan(Date.now(), retryAt.values(), pollMs);
      why = await wakeup.wait(plan.ms, plan.reason);
    }
  } catch (e) {
    answers?.close();
    for (const a of active.values()) a.handle.stop();
    await Promise.all([...active.values()].map((a) => a.handle.done));
    if (merging) await merging.catch(() => void 0);
    while (ended.length) await handleEnd(ended.shift()).catch(() => void 0);
    throw e;
  }
  answers?.close();
  if (signal.aborted) {
    emit({ type: "stopping", at: now(), workers: active.size, merging: merging !== null });
    for (const a of active.values()) a.handle.stop();
    await Promise.all([...active.values()].map((a) => a.handle.done));
    if (merging) await merging;
    while (ended.length) await handleEnd(ended.shift());
  }
  await log({ at: now(), event: "run-end", note: signal.aborted ? "interrupted" : stoppedByBudget ? "budget" : "finished" });
  const sum = await writeSummary(root, clock2);
  const v = view();
  const d = sum.ok ? sum.value.summary : null;
  const outcome = {
    finished: !signal.aborted,
    interrupted: signal.aborted,
    stoppedByBudget,
    done: d ? d.completed.length : 0,
    total: d ? d.completed.length + d.failed.length + d.blocked.length + d.skipped.length + d.unfinished.length : 0,
    failed: d ? d.failed.map((f) => f.id) : [],
    spentUsd: v.spentUsd,
    summary: sum.ok ? sum.value.markdown : diagMessages(sum.error),
    passes,
    projectLoads
  };
  if (!signal.aborted) {
    await ports.notify({ type: "run-finished", at: now(), done: outcome.done, total: outcome.total, failed: outcome.failed, spentUsd: outcome.spentUsd, summary: outcome.summary });
  }
  emit({ type: "run-finished", at: now(), ...outcome });
  return outcome;
}
function progressPossible(n, acted, stoppedByBudget) {
  if (n.finished || !acted) return false;
  return n.running.length > 0 || !stoppedByBudget && n.ready.length > 0;
}
var RunRefused = class extends Error {
  constructor(diags) {
    super(diagMessages(diags));
    this.diags = diags;
  }
};
function stringEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (v !== void 0) out[k] = v;
  return out;
}
function fixRoundMessage(findings) {
  return `Fix round: the reviewers asked for changes.
${findings.join("\n")}
Fix them in the worktree, commit, and report again.`;
}
var HEADLESS_DEVELOPER = "You run headless: no one reads your text. End by giving your report through the StructuredOutput tool: result DONE (everything committed in the worktree), BLOCKED (it cannot be done; say why in summary), or QUESTION (you cannot go on without a person's decision; put the question in `question`; the story waits for the answer).";
var HEADLESS_REVIEWER = "You run headless: no one reads your text. End by giving your verdict through the StructuredOutput tool: verdict approved or changes-requested, with every finding (severity, file, line, message).";

// lib/adapters/notify/notify.ts
var DEFAULT_TIMEOUT_MS = 1e4;
var MAX_ERROR_CHARS = 300;
var FORCE_KILL_AFTER_MS = 2e3;
async function notify(cfg, event, opts = {}) {
  const out = { delivered: [], failed: [] };
  if (!cfg || !cfg.events.includes(event.type)) return out;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sends = [];
  if (cfg.command !== void 0) sends.push(["command", runCommand(cfg.command, event, timeoutMs, opts.cwd)]);
  if (cfg.webhook !== void 0) sends.push(["webhook", postWebhook(cfg.webhook, event, timeoutMs)]);
  for (const [target, send] of sends) {
    const error = await send.catch((e) => `unexpected error: ${messageOf(e)}`);
    if (error === null) out.delivered.push(target);
    else out.failed.push({ target, error });
  }
  return out;
}
async function runCommand(command, event, timeoutMs, cwd) {
  const group = process.platform !== "win32";
  const sub = execa(command, {
    shell: true,
    detached: group,
    cwd,
    input: JSON.stringify(event) + "\n",
    reject: false,
    stdout: "ignore",
    maxBuffer: 64 * 1024,
    env: { STORY_ORCHESTRATOR_EVENT: event.type }
  });
  let timedOut = false;
  let forceKill;
  const timer = setTimeout(() => {
    timedOut = true;
    stop(sub.pid, group, "SIGTERM", () => sub.kill("SIGTERM"));
    forceKill = setTimeout(() => stop(sub.pid, group, "SIGKILL", () => sub.kill("SIGKILL")), FORCE_KILL_AFTER_MS);
  }, timeoutMs);
  const r = await sub;
  clearTimeout(timer);
  clearTimeout(forceKill);
  if (timedOut) return `timed out after ${timeoutMs} ms`;
  if (r.exitCode === 0) return null;
  const stderr = typeof r.stderr === "string" ? r.stderr.trim() : "";
  const why = r.exitCode !== void 0 ? `exit code ${r.exitCode}` : r.signal ? `killed by ${r.signal}` : firstLine(r.shortMessage ?? "failed");
  return stderr ? `${why}: ${cut(stderr)}` : why;
}
function stop(pid, group, signal, fallback) {
  try {
    if (group && pid !== void 0) process.kill(-pid, signal);
    else fallback();
  } catch {
  }
}
async function postWebhook(url, event, timeoutMs) {
  const host = hostOf(url);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: eventText(event), event }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "follow"
    });
    await res.arrayBuffer().catch(() => void 0);
    return res.ok ? null : `${host} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`;
  } catch (e) {
    const name = e?.name;
    if (name === "TimeoutError" || name === "AbortError") return `${host} did not answer within ${timeoutMs} ms`;
    return `cannot reach ${host} (${networkReason(e)})`;
  }
}
function networkReason(e) {
  const cause = e?.cause;
  return cause?.code ?? cause?.message ?? messageOf(e);
}
function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return "the webhook";
  }
}
function messageOf(e) {
  return e instanceof Error ? e.message : String(e);
}
function firstLine(s) {
  return s.split("\n")[0] ?? s;
}
function cut(s) {
  const one = s.replace(/\s+/g, " ");
  return one.length <= MAX_ERROR_CHARS ? one : `${one.slice(0, MAX_ERROR_CHARS - 1)}\u2026`;
}

// lib/adapters/workers/local-claude.ts
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";
function claudeArgs(spec, pluginDir) {
  return [
    "-p",
    spec.prompt,
    "--agent",
    `story-orchestrator:${spec.agent}`,
    "--plugin-dir",
    pluginDir,
    // Unattended: no one is there to answer a permission prompt. The plugin's hooks are the
    // guard (worktree confinement, git guard, safety rules).
    "--permission-mode",
    "bypassPermissions",
    "--output-format",
    "stream-json",
    "--verbose",
    "--json-schema",
    spec.jsonSchema,
    ...spec.resumeSession ? ["--resume", spec.resumeSession] : [],
    ...spec.capUsd !== void 0 ? ["--max-budget-usd", spec.capUsd.toFixed(4)] : []
  ];
}
function localClaudeBackend(opts) {
  return { launch: (spec) => launchLocal(spec, opts), check: () => checkClaude(opts.claudeBin) };
}
var EXIT_GRACE_MS = 1e4;
var CHECK_TIMEOUT_MS = 15e3;
async function checkClaude(claudeBin) {
  const r = await execa(claudeBin, ["--version"], { reject: false, stdin: "ignore", timeout: CHECK_TIMEOUT_MS, env: { ...process.env, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1" } });
  const out = String(r.stdout).trim();
  if (!r.failed && r.exitCode === 0) return ok(out.split("\n")[0] ?? "");
  const why = r.timedOut ? `did not answer \`--version\` within ${CHECK_TIMEOUT_MS / 1e3} s` : r.code === "ENOENT" ? "was not found" : r.code === "EACCES" ? "is not executable" : `failed \`--version\` (${r.signal ? `killed by ${r.signal}` : `exit ${r.exitCode ?? "?"}`}${lastLine(String(r.stderr)) ? `: ${lastLine(String(r.stderr))}` : ""})`;
  return err([
    diag(
      "worker-unavailable",
      `the Claude Code executable "${claudeBin}" ${why}, so no worker could start; nothing was changed. Install Claude Code, or give the path of a working \`claude\` with \`story-orchestrator run --claude PATH\` (or the STORY_ORCHESTRATOR_CLAUDE environment variable).`
    )
  ]);
}
var lastLine = (s) => s.trim().split("\n").at(-1)?.trim() ?? "";
function launchLocal(spec, opts) {
  mkdirSync(dirname(spec.logFile), { recursive: true });
  const log = createWriteStream(spec.logFile, { flags: "a" });
  log.write(`${JSON.stringify({ type: "runner", event: "launch", at: (/* @__PURE__ */ new Date()).toISOString(), storyId: spec.storyId, role: spec.role, agent: spec.agent, resume: spec.resumeSession ?? null, capUsd: spec.capUsd ?? null })}
`);
  const child = execa(opts.claudeBin, claudeArgs(spec, opts.pluginDir), {
    cwd: spec.cwd,
    env: spec.env,
    stdin: "ignore",
    reject: false,
    buffer: false,
    // The worker's own children (its Bash tool) go with it when it is stopped.
    cleanup: true
  });
  let sessionId = spec.resumeSession;
  let result;
  let stoppedAs;
  const sessionCbs = [];
  const activityCbs = [];
  let stderrTail = "";
  let hungAfterResult;
  let exitGrace;
  const stop2 = (kind, detail) => {
    if (stoppedAs || result) return;
    stoppedAs = { kind, detail };
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), opts.graceMs ?? 5e3).unref();
  };
  const wall = setTimeout(() => stop2("timed-out", `ran past its wall-time limit (${Math.round(spec.wallTimeMs / 1e3)} s)`), spec.wallTimeMs);
  let silence = setTimeout(() => stop2("silent", `printed nothing for ${Math.round(spec.silenceMs / 1e3)} s`), spec.silenceMs);
  const active = () => {
    clearTimeout(silence);
    silence = setTimeout(() => stop2("silent", `printed nothing for ${Math.round(spec.silenceMs / 1e3)} s`), spec.silenceMs);
    for (const cb of activityCbs) cb();
  };
  const onLine = (text) => {
    const line = text.trim();
    if (!line) return;
    log.write(`${line}
`);
    const m = readStreamLine(line);
    if (m.kind === "init" && sessionId !== m.sessionId) {
      sessionId = m.sessionId;
      for (const cb of sessionCbs) cb(m.sessionId);
    } else if (m.kind === "result" && !result) {
      result = m.result;
      const graceMs = spec.exitGraceMs ?? EXIT_GRACE_MS;
      exitGrace = setTimeout(() => {
        hungAfterResult = `did not exit within ${graceMs / 1e3} s of its result line, and was killed`;
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), opts.graceMs ?? 5e3).unref();
      }, graceMs);
    }
    active();
  };
  let buf = "";
  child.stdout?.setEncoding("utf8");
  child.stdout?.on("data", (d) => {
    buf += d;
    let nl;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      onLine(line);
    }
  });
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (d) => {
    stderrTail = (stderrTail + d).slice(-2e3);
  });
  const done = child.then((r) => {
    onLine(buf);
    buf = "";
    clearTimeout(wall);
    clearTimeout(silence);
    clearTimeout(exitGrace);
    const end = result ? { kind: "finished", result, ...sessionId ? { sessionId } : {}, ...hungAfterResult ? { detail: hungAfterResult } : {} } : stoppedAs ? { ...stoppedAs, ...sessionId ? { sessionId } : {} } : { kind: "crashed", ...sessionId ? { sessionId } : {}, detail: crashDetail(r.exitCode, r.signal, r.failed && !r.exitCode ? r.shortMessage : void 0, stderrTail) };
    return new Promise((resolve) => {
      log.end(`${JSON.stringify({ type: "runner", event: "end", at: (/* @__PURE__ */ new Date()).toISOString(), end: end.kind, ...end.detail !== void 0 ? { detail: end.detail } : {} })}
`, () => resolve(end));
    });
  });
  return {
    pid: child.pid,
    sessionId: () => sessionId,
    onSession: (cb) => sessionCbs.push(cb),
    onActivity: (cb) => activityCbs.push(cb),
    done,
    stop: () => stop2("stopped", "the run was interrupted")
  };
}
function crashDetail(code, signal, message, stderr) {
  const how = message ?? (signal ? `was killed by ${signal}` : `exited with ${code ?? "?"} and no result`);
  const tail = stderr.trim().split("\n").slice(-3).join(" | ");
  return tail ? `${how}: ${tail}` : how;
}

// lib/cli/verbs/run.ts
var LINE = "run [SCOPE...] [--budget USD] [--claude PATH] [--background] [--json]";
var runVerb = async (ctx) => {
  const bad = rejectUnknownOptions("run", ctx.args, ["budget", "claude", "background"], LINE);
  if (bad) return bad;
  const b = ctx.args.options["budget"];
  if (b !== void 0 && (typeof b !== "string" || !/^\d+(\.\d+)?$/.test(b) || Number(b) <= 0)) return usage(`run: --budget needs an amount in USD above 0 (e.g. 25), not "${b === true ? "" : b}"`, LINE);
  const c = ctx.args.options["claude"];
  if (c === true) return usage("run: --claude needs the path of the claude executable", LINE);
  const claudeBin = (typeof c === "string" ? c : void 0) ?? process.env["STORY_ORCHESTRATOR_CLAUDE"] ?? "claude";
  const pluginDir = findPluginRoot(dirname2(fileURLToPath(import.meta.url)));
  if (!pluginDir) return fail("run: the plugin's own files (commands/implement-stories.md) were not found above this program; run the story-orchestrator from its plugin folder");
  const backend = localClaudeBackend({ claudeBin, pluginDir });
  const usable = await backend.check?.();
  if (usable && !usable.ok) return refused(usable.error);
  const { config, errors } = await loadConfig(ctx.root);
  if (errors.length) return refused(errors);
  await ensureStateDir(ctx.root);
  if (ctx.args.options["background"] === true) return startInBackground(ctx.root, ctx.args.positionals, typeof b === "string" ? b : void 0, typeof c === "string" ? c : void 0);
  const lock = await acquireLock(runLockPath(ctx.root), { timeoutMs: 0, staleMs: Number.MAX_SAFE_INTEGER, what: "the runner lock", displayPath: `${STATE_DIR}/${RUN_LOCK_FILE}` });
  if (!lock.ok) return fail(`run: another runner works on this project (${lock.error.map((d) => d.message).join("; ")})`);
  const json = ctx.args.json;
  const live = ctx.tty && !json ? new LiveView() : null;
  const draw = live ? setInterval(() => log_update_default(live.frame(Date.now(), process.stdout.columns || 100)), 1e3) : null;
  const emit = (e) => {
    if (json) {
      if (e.type !== "run-finished") process.stdout.write(`${JSON.stringify(e)}
`);
    } else if (live) {
      live.apply(e);
      log_update_default(live.frame(Date.now(), process.stdout.columns || 100));
    } else process.stdout.write(`${eventLine(e)}
`);
  };
  const controller = new AbortController();
  const onSignal = (sig) => {
    if (!controller.signal.aborted) {
      controller.abort();
      return;
    }
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.kill(process.pid, sig);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let result;
  try {
    result = await runStories({
      root: ctx.root,
      scope: ctx.args.positionals,
      ...typeof b === "string" ? { budgetUsd: Number(b) } : {},
      backend,
      ports: {
        writeQuestion,
        readAnswer,
        hasQuestion: hasOpenQuestion,
        closeQuestion: async (root, id) => void await closeQuestion(root, id),
        watchAnswers: watchQuestions,
        notify: async (event) => {
          const o = await notify(config.notify, event);
          for (const f of o.failed) process.stderr.write(`story-orchestrator: notification to ${f.target} failed: ${f.error}
`);
        }
      },
      emit,
      signal: controller.signal,
      env: process.env
    });
  } catch (e) {
    if (e instanceof RunRefused) return refused(e.diags);
    throw e;
  } finally {
    if (draw) clearInterval(draw);
    if (live) log_update_default.done();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await lock.value();
  }
  return finished(result);
};
function refused(diags) {
  return { exitCode: 1, json: { errors: diags }, human: diags.map((d) => `error: ${d.message}`).join("\n") };
}
function finished(r) {
  const complete = r.finished && r.done === r.total;
  const how = r.interrupted ? "Stopped: the workers were stopped and their stories stay In Progress in their worktrees. Continue with `story-orchestrator run` (their sessions continue)." : r.stoppedByBudget ? "Stopped by the budget: no new story started. Raise it with `story-orchestrator run --budget USD` to continue." : complete ? "Every story of the run is Done." : "The run ended with stories not Done (see the summary). Fix what it names, then `story-orchestrator run` again.";
  const { summary, ...rest } = r;
  return { exitCode: complete ? 0 : 1, json: { ...rest, next: how }, human: `${summary.trimEnd()}

${how}` };
}
function fail(message) {
  return { exitCode: 1, json: { errors: [{ code: "run-refused", message }] }, human: `error: ${message}` };
}
async function startInBackground(root, scope, budget, claude) {
  const running = await runningRunner(root);
  if (running !== null) return fail(`run: a runner (pid ${running}) already works on this project; watch it with \`story-orchestrator status\``);
  const log = join2(root, STATE_DIR, "runner", "run.log");
  mkdirSync2(dirname2(log), { recursive: true });
  const out = openSync(log, "a");
  const args = [process.argv[1], "run", ...scope, ...budget ? ["--budget", budget] : [], ...claude ? ["--claude", claude] : [], "--cwd", root];
  const child = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ["ignore", out, out], env: process.env });
  child.unref();
  closeSync(out);
  const rel = `${STATE_DIR}/runner/run.log`;
  const watch = [`story-orchestrator status`, `story-orchestrator logs ID --follow`, `tail -f ${rel}`];
  return {
    exitCode: 0,
    json: { started: true, pid: child.pid ?? null, log: rel, watch },
    human: `The runner started in the background (pid ${child.pid ?? "?"}); its output goes to ${rel}.
Watch: ${watch.map((w) => `\`${w}\``).join(", ")}.
A question from a story is answered with \`story-orchestrator answer ID "..."\`; Ctrl-C does not reach it: stop it with \`kill ${child.pid ?? "PID"}\` (graceful).`
  };
}
export {
  runVerb
};
