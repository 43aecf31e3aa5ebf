// The tests drive customers' phones through the package's public control client, as apps do.
export * from '../../src/control-client';
