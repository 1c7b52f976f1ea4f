export declare function hostFixture(name: 'laptop' | 'two-socket' | 'container'): string;
