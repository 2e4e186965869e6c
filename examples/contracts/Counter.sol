// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// A counter: the smallest contract with state, a write and an event.
contract Counter {
    uint256 public count;

    event Incremented(address indexed by, uint256 count);

    constructor(uint256 start) {
        count = start;
    }

    function increment() external {
        count += 1;
        emit Incremented(msg.sender, count);
    }
}
