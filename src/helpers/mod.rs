pub mod nft;
