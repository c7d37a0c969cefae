// Checks a JSON text as its bytes arrive, before anything is built from it: the grammar
// (RFC 8259), and nesting no deeper than `maxDepth`. It stops at the first byte that breaks
// either rule, so a hostile body costs the bytes read up to there and never a parse.
// Only a text the scanner accepted goes to JSON.parse (json-body.ts), which then cannot fail
// and cannot build anything deeper than the limit.
// Works on UTF-8 bytes: every byte of JSON's grammar is ASCII, a byte of 0x80 or more may
// only sit inside a string, and whether those bytes are valid UTF-8 is the decoder's job.

export type JsonScanProblem = 'invalid_json' | 'too_deep';

export class JsonScanError extends Error {
  constructor(
    readonly problem: JsonScanProblem,
    message: string,
    /** offset of the offending byte in the whole text */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonScanError';
  }
}

// What the next byte may be.
const enum State {
  Value, // any value (start of text, after ':' and after ',' in an array)
  ValueOrEnd, // after '[': a value or ']'
  KeyOrEnd, // after '{': a key or '}'
  Key, // after ',' in an object: a key
  Colon, // after a key
  AfterValue, // ',' or the closing bracket of the container, or the end of the text at the top
  InString,
  Escape, // after '\' in a string
  Unicode, // inside \uXXXX
  Minus, // after '-'
  Zero, // a number that is "0" or "-0" so far
  Integer,
  FractionStart, // after '.'
  Fraction,
  ExponentStart, // after 'e' or 'E'
  ExponentSign, // after the exponent's sign
  Exponent,
  Literal, // inside true, false or null
  Done, // the top value is complete; only whitespace may follow
}

const BOM = [0xef, 0xbb, 0xbf];
const OBJECT = 1;
const ARRAY = 2;

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const isWhitespace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isHex = (b: number) => isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
const ESCAPABLE = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]); // " \ / b f n r t
const LITERALS: Record<number, Uint8Array> = {
  0x74: new TextEncoder().encode('true'),
  0x66: new TextEncoder().encode('false'),
  0x6e: new TextEncoder().encode('null'),
};

export class JsonScanner {
  private state = State.Value;
  /** OBJECT or ARRAY per open container; its length is the current depth */
  private readonly containers: number[] = [];
  private isKey = false;
  private hexLeft = 0;
  private literal: Uint8Array = LITERALS[0x74];
  private literalAt = 0;
  /** bytes scanned before the current chunk */
  private offset = 0;
  /** bytes of a leading byte order mark seen so far */
  private bomBytes = 0;

  constructor(readonly maxDepth: number) {}

  /** Scans the next bytes of the text; throws JsonScanError at the first bad byte. */
  feed(bytes: Uint8Array): void {
    let i = 0;
    const n = bytes.length;
    // A UTF-8 byte order mark at the very start is allowed (the decoder drops it).
    while (i < n && this.offset + i === this.bomBytes && this.bomBytes < 3 && bytes[i] === BOM[this.bomBytes]) {
      this.bomBytes++;
      i++;
    }
    while (i < n) {
      const b = bytes[i];
      switch (this.state) {
        case State.InString: {
          // the hot loop: most bytes of a push are inside strings
          let j = i;
          while (j < n) {
            const c = bytes[j];
            if (c === 0x22 || c === 0x5c || c < 0x20) break;
            j++;
          }
          if (j === n) {
            i = n;
            continue;
          }
          const c = bytes[j];
          if (c === 0x22) this.endString();
          else if (c === 0x5c) this.state = State.Escape;
          else this.fail(j, 'a control character inside a string (escape it)');
          i = j + 1;
          continue;
        }
        case State.Escape:
          if (b === 0x75) {
            this.state = State.Unicode;
            this.hexLeft = 4;
          } else if (ESCAPABLE.has(b)) this.state = State.InString;
          else this.fail(i, 'an unknown escape in a string');
          i++;
          continue;
        case State.Unicode:
          if (!isHex(b)) this.fail(i, 'a \\u escape that is not 4 hex digits');
          if (--this.hexLeft === 0) this.state = State.InString;
          i++;
          continue;
        case State.Literal:
          if (b !== this.literal[this.literalAt]) this.fail(i, `a misspelt ${new TextDecoder().decode(this.literal)}`);
          if (++this.literalAt === this.literal.length) this.endValue();
          i++;
          continue;
        case State.Minus:
          if (b === 0x30) this.state = State.Zero;
          else if (isDigit(b)) this.state = State.Integer;
          else this.fail(i, 'a "-" not followed by a digit');
          i++;
          continue;
        case State.Zero:
        case State.Integer:
          if (isDigit(b)) {
            if (this.state === State.Zero) this.fail(i, 'a number with a leading zero');
          } else if (b === 0x2e) this.state = State.FractionStart;
          else if (b === 0x65 || b === 0x45) this.state = State.ExponentStart;
          else {
            this.endValue(); // the number ended before this byte, which is looked at again
            continue;
          }
          i++;
          continue;
        case State.FractionStart:
          if (!isDigit(b)) this.fail(i, 'a "." not followed by a digit');
          this.state = State.Fraction;
          i++;
          continue;
        case State.Fraction:
          if (b === 0x65 || b === 0x45) this.state = State.ExponentStart;
          else if (!isDigit(b)) {
            this.endValue();
            continue;
          }
          i++;
          continue;
        case State.ExponentStart:
          if (b === 0x2b || b === 0x2d) this.state = State.ExponentSign;
          else if (isDigit(b)) this.state = State.Exponent;
          else this.fail(i, 'an exponent without digits');
          i++;
          continue;
        case State.ExponentSign:
          if (!isDigit(b)) this.fail(i, 'an exponent without digits');
          this.state = State.Exponent;
          i++;
          continue;
        case State.Exponent:
          if (!isDigit(b)) {
            this.endValue();
            continue;
          }
          i++;
          continue;
        default:
          if (isWhitespace(b)) {
            i++;
            continue;
          }
          this.token(b, i);
          i++;
      }
    }
    this.offset += n;
  }

  /** The text is complete: throws unless it held exactly one whole value. */
  end(): void {
    const s = this.state;
    if (s === State.Zero || s === State.Integer || s === State.Fraction || s === State.Exponent) this.endValue();
    if (this.state !== State.Done) {
      // a top-level State.Value means no token at all: nothing but whitespace came
      const message = this.state === State.Value && this.containers.length === 0 ? 'The body is empty; send a JSON object' : 'The body is not valid JSON: it ends before the JSON value does';
      throw new JsonScanError('invalid_json', message, this.offset);
    }
  }

  /** A structural byte (not whitespace) where a token starts. */
  private token(b: number, at: number): void {
    switch (this.state) {
      case State.Value:
      case State.ValueOrEnd:
        if (b === 0x5d && this.state === State.ValueOrEnd) return this.close(ARRAY, at);
        return this.startValue(b, at);
      case State.KeyOrEnd:
      case State.Key:
        if (b === 0x7d && this.state === State.KeyOrEnd) return this.close(OBJECT, at);
        if (b !== 0x22) return this.fail(at, 'an object key that is not a string');
        this.isKey = true;
        this.state = State.InString;
        return;
      case State.Colon:
        if (b !== 0x3a) return this.fail(at, 'a key not followed by ":"');
        this.state = State.Value;
        return;
      case State.AfterValue: {
        const top = this.containers[this.containers.length - 1];
        if (b === 0x2c) this.state = top === OBJECT ? State.Key : State.Value;
        else if (b === 0x7d) this.close(OBJECT, at);
        else if (b === 0x5d) this.close(ARRAY, at);
        else this.fail(at, top === OBJECT ? 'a value not followed by "," or "}"' : 'a value not followed by "," or "]"');
        return;
      }
      case State.Done:
        return this.fail(at, 'more after the JSON value');
    }
  }

  private startValue(b: number, at: number): void {
    if (b === 0x7b || b === 0x5b) {
      if (this.containers.length >= this.maxDepth) {
        throw new JsonScanError('too_deep', `JSON nested deeper than ${this.maxDepth} levels (at byte ${this.offset + at})`, this.offset + at);
      }
      this.containers.push(b === 0x7b ? OBJECT : ARRAY);
      this.state = b === 0x7b ? State.KeyOrEnd : State.ValueOrEnd;
    } else if (b === 0x22) {
      this.isKey = false;
      this.state = State.InString;
    } else if (b === 0x2d) this.state = State.Minus;
    else if (b === 0x30) this.state = State.Zero;
    else if (isDigit(b)) this.state = State.Integer;
    else if (LITERALS[b]) {
      this.literal = LITERALS[b];
      this.literalAt = 1;
      this.state = State.Literal;
    } else this.fail(at, 'a byte that starts no JSON value');
  }

  private endString(): void {
    if (this.isKey) {
      this.isKey = false;
      this.state = State.Colon;
    } else this.endValue();
  }

  private endValue(): void {
    this.state = this.containers.length === 0 ? State.Done : State.AfterValue;
  }

  private close(kind: number, at: number): void {
    if (this.containers.pop() !== kind) this.fail(at, kind === OBJECT ? 'a "}" that closes no object' : 'a "]" that closes no array');
    this.endValue();
  }

  private fail(at: number, what: string): never {
    const offset = this.offset + at;
    throw new JsonScanError('invalid_json', `The body is not valid JSON: ${what} at byte ${offset}`, offset);
  }
}
