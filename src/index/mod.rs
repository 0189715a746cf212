//! placeholder

pub mod compound;
