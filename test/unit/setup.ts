// Every unit test gets a fresh in-memory IndexedDB (real Dexie over fake-indexeddb).
import 'fake-indexeddb/auto';
